// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyUserLimit is the golang structure of table proxy_user_limit for DAO operations like Where/Data.
type ProxyUserLimit struct {
	g.Meta     `orm:"table:proxy_user_limit, do:true"`
	Id         any         //
	UserId     any         //
	ProductNo  any         //
	LimitBytes any         //
	Pushed     any         //
	PushedAt   *gtime.Time //
	LastError  any         //
	UpdatedAt  *gtime.Time //
}
