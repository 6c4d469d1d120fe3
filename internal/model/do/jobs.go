// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// Jobs is the golang structure of table jobs for DAO operations like Where/Data.
type Jobs struct {
	g.Meta      `orm:"table:jobs, do:true"`
	Name        any         //
	Description any         //
	Schedule    any         //
	Enabled     any         //
	UpdatedBy   any         //
	CreatedAt   *gtime.Time //
	UpdatedAt   *gtime.Time //
}
