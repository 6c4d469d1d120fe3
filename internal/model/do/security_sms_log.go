// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// SecuritySmsLog is the golang structure of table security_sms_log for DAO operations like Where/Data.
type SecuritySmsLog struct {
	g.Meta       `orm:"table:security_sms_log, do:true"`
	Id           any         //
	PhoneMasked  any         //
	Template     any         //
	TemplateCode any         //
	Result       any         //
	Detail       any         //
	CreatedAt    *gtime.Time //
}
