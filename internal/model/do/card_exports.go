// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// CardExports is the golang structure of table card_exports for DAO operations like Where/Data.
type CardExports struct {
	g.Meta     `orm:"table:card_exports, do:true"`
	Id         any         //
	BatchId    any         //
	ProjectId  any         //
	OperatorId any         //
	Format     any         //
	RowCount   any         //
	Ip         any         //
	CreatedAt  *gtime.Time //
}
