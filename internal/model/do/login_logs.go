// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// LoginLogs is the golang structure of table login_logs for DAO operations like Where/Data.
type LoginLogs struct {
	g.Meta    `orm:"table:login_logs, do:true"`
	Id        any         //
	UserId    any         //
	Username  any         //
	Ip        any         //
	UserAgent any         //
	Result    any         //
	Reason    any         //
	CreatedAt *gtime.Time //
	Location  any         //
}
