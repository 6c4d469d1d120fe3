// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyUser is the golang structure of table proxy_user for DAO operations like Where/Data.
type ProxyUser struct {
	g.Meta           `orm:"table:proxy_user, do:true"`
	Id               any         //
	AgentId          any         //
	Username         any         //
	AppUsername      any         //
	UpstreamUsername any         //
	Password         any         //
	Remark           any         //
	Status           any         //
	FlowLimit        any         //
	Version          any         //
	CreatedAt        *gtime.Time //
	UpdatedAt        *gtime.Time //
}
