// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyAccount is the golang structure of table proxy_account for DAO operations like Where/Data.
type ProxyAccount struct {
	g.Meta           `orm:"table:proxy_account, do:true"`
	Id               any         //
	AgentId          any         //
	AppUsername      any         //
	UpstreamUsername any         //
	CreatedAt        *gtime.Time //
}
