package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Fault alerts (seed 001 §9.3) raised by the security.monitor job, one row per outage of a check,
// deduplicated while it lasts. Platform-wide, so the super-admin's alone by default.

type AlertListReq struct {
	g.Meta `path:"/security/alerts/list" method:"get" tags:"安全 Security" summary:"Fault alerts (database, Redis, jobs, HTTP errors, disk, backup age); sortBy: id, lastSeen"`
	common.PageReq
	Status string `json:"status" v:"in:firing,resolved" dc:"firing (still failing) or resolved"`
	Check  string `json:"check"  v:"in:db,redis,jobs,http_errors,disk,backup_age" dc:"the failing check"`
}

type AlertListRes struct {
	Items []AlertItem `json:"items"`
	Total int         `json:"total"`
}

type AlertItem struct {
	ID         int64   `json:"id"`
	Check      string  `json:"check"`
	Status     string  `json:"status"`
	Severity   string  `json:"severity"`
	Message    string  `json:"message"   dc:"the last run's finding"`
	FirstSeen  string  `json:"firstSeen"`
	LastSeen   string  `json:"lastSeen"`
	Count      int64   `json:"count"     dc:"monitor runs that found it failing"`
	ResolvedAt *string `json:"resolvedAt" dc:"null while firing"`
}

// The SMS channel's send log (seed 001 §12.2): every send, the number masked, the approved
// template, the result. A test send checks the platform settings with a real message.

type SMSLogListReq struct {
	g.Meta `path:"/security/sms/log/list" method:"get" tags:"安全 Security" summary:"SMS send log (numbers masked), newest first"`
	common.PageReq
	From     string `json:"from"     v:"max-length:40"      dc:"RFC 3339; sends at or after it"`
	To       string `json:"to"       v:"max-length:40"      dc:"RFC 3339; sends before it"`
	Template string `json:"template" v:"max-length:64"      dc:"template name"`
	Result   string `json:"result"   v:"in:sent,failed"     dc:"sent (the platform accepted it) or failed"`
	Last4    string `json:"last4"    v:"regex:^[0-9]{4}$"   dc:"the number's last four digits"`
}

type SMSLogListRes struct {
	Items []SMSLogItem `json:"items"`
	Total int          `json:"total"`
}

type SMSLogItem struct {
	ID           int64  `json:"id"`
	PhoneMasked  string `json:"phoneMasked"  dc:"138****8000"`
	Template     string `json:"template"`
	TemplateCode string `json:"templateCode" dc:"the platform's approved template code"`
	Result       string `json:"result"`
	Detail       string `json:"detail"       dc:"the platform's send id, or its error"`
	CreatedAt    string `json:"createdAt"`
}

type SMSTestSendReq struct {
	g.Meta   `path:"/security/sms/test" method:"post" tags:"安全 Security" summary:"Send one approved template to a number, to check the SMS settings (the send limits apply)"`
	Phone    string            `json:"phone"    v:"required|regex:^\\+?[0-9]{6,15}$" dc:"mobile number"`
	Template string            `json:"template" v:"required|max-length:64"           dc:"an approved template's name (security.smsTemplates)"`
	Params   map[string]string `json:"params"                                           dc:"exactly the template's parameters, each short plain text"`
}

type SMSTestSendRes struct{}
