// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpServerMonths is the golang structure of table derp_server_months for DAO operations like Where/Data.
type DerpServerMonths struct {
	g.Meta    `orm:"table:derp_server_months, do:true"`
	ServerId  any         //
	Month     any         //
	UsedBytes any         //
	CreatedAt *gtime.Time //
	UpdatedAt *gtime.Time //
}
