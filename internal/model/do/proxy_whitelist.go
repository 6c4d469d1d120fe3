// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyWhitelist is the golang structure of table proxy_whitelist for DAO operations like Where/Data.
type ProxyWhitelist struct {
	g.Meta    `orm:"table:proxy_whitelist, do:true"`
	Id        any         //
	AgentId   any         //
	ProductNo any         //
	Ip        any         //
	CreatedAt *gtime.Time //
}
