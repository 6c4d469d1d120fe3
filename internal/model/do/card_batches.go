// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// CardBatches is the golang structure of table card_batches for DAO operations like Where/Data.
type CardBatches struct {
	g.Meta          `orm:"table:card_batches, do:true"`
	Id              any         //
	ProjectId       any         //
	PlanId          any         //
	OwnerId         any         //
	PlanName        any         //
	DurationSeconds any         //
	MaxDevices      any         //
	Count           any         //
	GeneratedCount  any         //
	Price           any         //
	Cost            any         //
	ReservationId   any         //
	Remark          any         //
	Status          any         //
	IdemKey         any         //
	DisabledAt      *gtime.Time //
	DisabledBy      any         //
	CreatedAt       *gtime.Time //
	UpdatedAt       *gtime.Time //
}
