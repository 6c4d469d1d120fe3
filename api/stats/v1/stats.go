package v1

import (
	"github.com/gogf/gf/v2/frame/g"
)

// Statistics (数据统计, seed 001 §5) for the Vben dashboard: every answer is chart-ready —
// the x axis (days or periods) once and one series per measure, each as long as the axis — and
// scoped by role: an agent sees its own figures, an agent-admin its own and its agents', the
// super-admin everything. Read from the daily aggregates the stats.refresh job keeps; days are
// calendar days in kami.timeZone, from and to inclusive (default: the last 30 days).

// RangeReq is the period of a report.
type RangeReq struct {
	From string `json:"from" v:"date-format:Y-m-d" dc:"first day, YYYY-MM-DD (default: 29 days before to)"`
	To   string `json:"to"   v:"date-format:Y-m-d" dc:"last day, YYYY-MM-DD (default: today)"`
}

// Series is one line or bar set of a chart; Data[i] belongs to the answer's Axis[i].
type Series struct {
	Name  string  `json:"name"  dc:"machine name of the measure"`
	Title string  `json:"title" dc:"its localized label"`
	Data  []int64 `json:"data"`
}

// Chart is what one ECharts chart of the dashboard draws.
type Chart struct {
	Axis   []string `json:"axis"`
	Series []Series `json:"series"`
}

type CardsReq struct {
	g.Meta `path:"/stats/cards" method:"get" tags:"统计 Statistics" summary:"Cards created, activated, expired and disabled per day, and per project, in the caller's scope"`
	RangeReq
	ProjectId int64 `json:"projectId" v:"min:0"`
}

// ProjectCards is one project's totals over the period.
type ProjectCards struct {
	ProjectId   int64  `json:"projectId"`
	ProjectName string `json:"projectName"`
	Created     int64  `json:"created"`
	Activated   int64  `json:"activated"`
	Expired     int64  `json:"expired"`
	Disabled    int64  `json:"disabled"`
}

type CardsRes struct {
	Chart
	Projects []ProjectCards `json:"projects"`
}

type QuotaReq struct {
	g.Meta `path:"/stats/quota" method:"get" tags:"统计 Statistics" summary:"Quota flows (units in and out of available balances) per entry type and day, in the caller's scope"`
	RangeReq
}

// QuotaRes has one series per entry type and direction: "<type>.in" and "<type>.out".
type QuotaRes struct {
	Chart
}

type ActivityReq struct {
	g.Meta `path:"/stats/activity" method:"get" tags:"统计 Statistics" summary:"Logins, operations and estimated minutes online (5-minute slots with activity) of the users in the caller's scope, per day, week, month or year"`
	RangeReq
	Granularity string `json:"granularity" v:"in:day,week,month,year" dc:"default day; a week starts on Monday"`
}

type ActivityRes struct {
	Chart
}

type HeatmapReq struct {
	g.Meta `path:"/stats/activity/heatmap" method:"get" tags:"统计 Statistics" summary:"Activity (logins + operations) of the users in the caller's scope by hour of day x weekday"`
	RangeReq
}

// HeatmapRes is an ECharts heatmap: data holds [hour index, weekday index, value].
type HeatmapRes struct {
	Hours    []string   `json:"hours"    dc:"00..23, display zone"`
	Weekdays []string   `json:"weekdays" dc:"Monday first, localized"`
	Data     [][3]int64 `json:"data"`
	Max      int64      `json:"max"`
}

type TopAgentsReq struct {
	g.Meta `path:"/stats/top-agents" method:"get" tags:"统计 Statistics" summary:"The agents and agent-admins in the caller's scope ranked by cards created or quota spent over the period"`
	RangeReq
	By    string `json:"by"    v:"in:cards,spent" dc:"rank by cards created (default) or quota spent"`
	Limit int    `json:"limit" v:"between:1,100" dc:"default 10"`
}

type TopAgent struct {
	UserId   int64  `json:"userId"`
	Username string `json:"username"`
	Cards    int64  `json:"cards"     dc:"cards created"`
	Spent    int64  `json:"spent"     dc:"units out of the available balance"`
	Received int64  `json:"received"  dc:"units into the available balance"`
}

type TopAgentsRes struct {
	Items []TopAgent `json:"items"`
}

type ExportReq struct {
	g.Meta `path:"/stats/export" method:"get" tags:"统计 Statistics" summary:"Download a report (cards, quota, activity, top-agents) as .xlsx (the table) or PDF (a chart and the table)" raw:"true" mime:"application/octet-stream"`
	RangeReq
	Report string `json:"report" v:"required|in:cards,quota,activity,top-agents"`
	Format string `json:"format" v:"in:xlsx,pdf" dc:"default xlsx"`
}

type ExportRes struct{}
