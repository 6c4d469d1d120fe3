// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
)

// CasbinRule is the golang structure of table casbin_rule for DAO operations like Where/Data.
type CasbinRule struct {
	g.Meta `orm:"table:casbin_rule, do:true"`
	Id     any //
	Ptype  any //
	V0     any //
	V1     any //
	V2     any //
	V3     any //
	V4     any //
	V5     any //
}
