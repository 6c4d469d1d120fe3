// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// SecuritySmsLog is the golang structure for table security_sms_log.
type SecuritySmsLog struct {
	Id           int64       `json:"id"           orm:"id"            description:""`
	PhoneMasked  string      `json:"phoneMasked"  orm:"phone_masked"  description:""`
	Template     string      `json:"template"     orm:"template"      description:""`
	TemplateCode string      `json:"templateCode" orm:"template_code" description:""`
	Result       string      `json:"result"       orm:"result"        description:""`
	Detail       string      `json:"detail"       orm:"detail"        description:""`
	CreatedAt    *gtime.Time `json:"createdAt"    orm:"created_at"    description:""`
}
