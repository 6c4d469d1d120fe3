// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpSerials is the golang structure of table derp_serials for DAO operations like Where/Data.
type DerpSerials struct {
	g.Meta        `orm:"table:derp_serials, do:true"`
	Id            any         //
	CodeHash      any         //
	CodeEnc       any         //
	CodeLast4     any         //
	PlanId        any         //
	BatchId       any         //
	DistributorId any         //
	OrderId       any         //
	Source        any         //
	Status        any         //
	ExpiresAt     *gtime.Time //
	UsedBy        any         //
	UsedAt        *gtime.Time //
	UsedAs        any         //
	RentalId      any         //
	CreatedAt     *gtime.Time //
	UpdatedAt     *gtime.Time //
}
