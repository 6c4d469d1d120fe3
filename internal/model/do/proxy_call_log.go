// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyCallLog is the golang structure of table proxy_call_log for DAO operations like Where/Data.
type ProxyCallLog struct {
	g.Meta     `orm:"table:proxy_call_log, do:true"`
	Id         any         //
	Path       any         //
	ReqId      any         //
	AppOrderNo any         //
	Ms         any         //
	HttpStatus any         //
	Code       any         //
	Msg        any         //
	CreatedAt  *gtime.Time //
}
