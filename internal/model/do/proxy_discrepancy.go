// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyDiscrepancy is the golang structure of table proxy_discrepancy for DAO operations like Where/Data.
type ProxyDiscrepancy struct {
	g.Meta     `orm:"table:proxy_discrepancy, do:true"`
	Id         any         //
	Kind       any         //
	Subject    any         //
	Detail     any         //
	Status     any         //
	Resolution any         //
	Remark     any         //
	ResolvedBy any         //
	CreatedAt  *gtime.Time //
	ResolvedAt *gtime.Time //
}
