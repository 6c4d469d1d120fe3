// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpNotices is the golang structure of table derp_notices for DAO operations like Where/Data.
type DerpNotices struct {
	g.Meta    `orm:"table:derp_notices, do:true"`
	Id        any         //
	DedupKey  any         //
	Kind      any         //
	UserId    any         //
	RentalId  any         //
	Template  any         //
	Params    any         //
	CreatedAt *gtime.Time //
	UpdatedAt *gtime.Time //
}
