package v1

import (
	"github.com/gogf/gf/v2/frame/g"
)

// Relay usage statistics (relay.md §5), read from relay_stats_hourly (the relay.stats.rollup
// job keeps it ≤ 2 min behind relay_logs) and scoped by role: the super-admin sees all, an
// agent-admin its subtree, an agent its own requests. The table holds whole UTC hours, so a
// period is widened to whole hours: startTime rounded down, endTime up.

// StatsFilter is the period and the filters every statistics answer takes.
type StatsFilter struct {
	StartTime string `json:"startTime" dc:"RFC 3339, inclusive, rounded down to the hour (default: 00:00 of the day 29 days before endTime, in kami.timeZone; the last 24 hours for hourly series)"`
	EndTime   string `json:"endTime"   dc:"RFC 3339, exclusive, rounded up to the hour (default: now)"`
	Model     string `json:"model"     v:"max-length:128" dc:"the requested model"`
	UserId    int64  `json:"userId"    v:"min:0" dc:"one user of the caller's scope; another user's id gives empty figures"`
}

// StatsFigures are the measures of one bucket (a period, a point of a series, a ranked key).
type StatsFigures struct {
	Requests         int64 `json:"requests"`
	Success          int64 `json:"success"`
	Failed           int64 `json:"failed"           dc:"every status but success (upstream errors, timeouts, client aborts)"`
	PromptTokens     int64 `json:"promptTokens"`
	CompletionTokens int64 `json:"completionTokens"`
	Quota            int64 `json:"quota"            dc:"ledger units billed"`
}

type StatsSummaryReq struct {
	g.Meta `path:"/relay/stats/summary" method:"get" tags:"AI 中转 Relay" summary:"Relay usage totals over a period, in the caller's scope"`
	StatsFilter
}

type StatsSummaryRes struct {
	StartTime string `json:"startTime" dc:"the period actually covered (whole hours)"`
	EndTime   string `json:"endTime"`
	StatsFigures
}

type StatsSeriesReq struct {
	g.Meta      `path:"/relay/stats/series" method:"get" tags:"AI 中转 Relay" summary:"Relay usage per hour or per day (calendar days in kami.timeZone), in the caller's scope"`
	Granularity string `json:"granularity" v:"in:hour,day" dc:"hour (at most 31 days) or day (at most 366 days); default day"`
	StatsFilter
}

// StatsPoint is one bucket of a series; every bucket of the period is present, empty ones
// with zeros, so a chart's axis is continuous.
type StatsPoint struct {
	Time string `json:"time" dc:"start of the bucket, RFC 3339 in kami.timeZone"`
	StatsFigures
}

type StatsSeriesRes struct {
	Granularity string       `json:"granularity"`
	Items       []StatsPoint `json:"items"`
}

type StatsTopReq struct {
	g.Meta `path:"/relay/stats/top" method:"get" tags:"AI 中转 Relay" summary:"The models, users or channels with the most usage over a period, in the caller's scope"`
	Dim    string `json:"dim"   v:"required|in:model,user,channel" dc:"channel: super-admin only (403 FORBIDDEN for other roles)"`
	By     string `json:"by"    v:"in:quota,requests,tokens" dc:"rank by quota (default), requests or prompt + completion tokens"`
	Limit  int    `json:"limit" v:"between:1,50" dc:"default 10"`
	StatsFilter
}

// StatsTopItem is one ranked key: a model (name), a user (id, username) or a channel (id, name;
// id 0 = requests no channel served).
type StatsTopItem struct {
	Id   int64  `json:"id"   dc:"user or channel id; 0 for models"`
	Name string `json:"name" dc:"model, username or channel name"`
	StatsFigures
}

type StatsTopRes struct {
	Dim   string         `json:"dim"`
	Items []StatsTopItem `json:"items"`
}
