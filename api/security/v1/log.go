package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// The security log (seed 001 §9.1): every account anomaly, who, what, from where and the measure
// taken. Scoped by role like the login log: the super-admin sees every row, an agent-admin the
// rows of itself and its agents, an agent its own. Exports hold the whole filtered set.

// EventFilter selects security log rows; every field is optional.
type EventFilter struct {
	From     string `json:"from"     v:"max-length:40"                            dc:"RFC 3339; rows at or after it"`
	To       string `json:"to"       v:"max-length:40"                            dc:"RFC 3339; rows before it"`
	UserID   int64  `json:"userId"   v:"min:0"                                    dc:"user id"`
	Username string `json:"username" v:"max-length:64"                            dc:"username contains this"`
	Kind     string `json:"kind"     v:"in:new_region,burst,login_lock"           dc:"new_region (login from a region the user does not usually log in from), burst (sensitive operations over the threshold), login_lock"`
	Severity string `json:"severity" v:"in:info,warning,critical"                 dc:"info, warning or critical"`
	Measure  string `json:"measure"  v:"in:notify,captcha,lock"                   dc:"what was done: notify, captcha (the next logins require one) or lock"`
	IP       string `json:"ip"       v:"max-length:64"                            dc:"source IP"`
}

type EventListReq struct {
	g.Meta `path:"/security/log/list" method:"get" tags:"安全 Security" summary:"Security log (account anomalies and the measures taken), scoped by role"`
	common.PageReq
	EventFilter
}

type EventListRes struct {
	Items []EventItem `json:"items"`
	Total int         `json:"total"`
}

type EventItem struct {
	ID        int64  `json:"id"`
	UserID    int64  `json:"userId"`
	Username  string `json:"username"`
	Kind      string `json:"kind"`
	Severity  string `json:"severity"`
	Measure   string `json:"measure"`
	IP        string `json:"ip"`
	Location  string `json:"location" dc:"offline GeoIP location: \"中国 广东 深圳\", \"内网/LAN\" or \"unknown\""`
	Detail    string `json:"detail"`
	CreatedAt string `json:"createdAt"`
}

type EventExportReq struct {
	g.Meta `path:"/security/log/export" method:"get" tags:"安全 Security" summary:"Download the filtered security log as .xlsx" mime:"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"`
	EventFilter
}

type EventExportRes struct{}
