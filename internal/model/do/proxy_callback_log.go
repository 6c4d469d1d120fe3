// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyCallbackLog is the golang structure of table proxy_callback_log for DAO operations like Where/Data.
type ProxyCallbackLog struct {
	g.Meta      `orm:"table:proxy_callback_log, do:true"`
	Id          any         //
	Type        any         //
	RefNo       any         //
	Op          any         //
	Ip          any         //
	Query       any         //
	Status      any         //
	Attempts    any         //
	LastError   any         //
	CreatedAt   *gtime.Time //
	ProcessedAt *gtime.Time //
}
