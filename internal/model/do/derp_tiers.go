// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpTiers is the golang structure of table derp_tiers for DAO operations like Where/Data.
type DerpTiers struct {
	g.Meta        `orm:"table:derp_tiers, do:true"`
	Code          any         //
	Name          any         //
	DiscountBps   any         //
	CommissionBps any         //
	CreatedAt     *gtime.Time //
	UpdatedAt     *gtime.Time //
}
