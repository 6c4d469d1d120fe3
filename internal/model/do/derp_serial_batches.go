// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpSerialBatches is the golang structure of table derp_serial_batches for DAO operations like Where/Data.
type DerpSerialBatches struct {
	g.Meta        `orm:"table:derp_serial_batches, do:true"`
	Id            any         //
	PlanId        any         //
	Count         any         //
	DistributorId any         //
	OrderId       any         //
	Source        any         //
	Remark        any         //
	CreatedBy     any         //
	ExpiresAt     *gtime.Time //
	CreatedAt     *gtime.Time //
	UpdatedAt     *gtime.Time //
}
