// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// Notices is the golang structure of table notices for DAO operations like Where/Data.
type Notices struct {
	g.Meta    `orm:"table:notices, do:true"`
	Id        any         //
	Kind      any         //
	Template  any         //
	Params    any         //
	Title     any         //
	Body      any         //
	RefType   any         //
	RefId     any         //
	DedupKey  any         //
	CreatedAt *gtime.Time //
}
