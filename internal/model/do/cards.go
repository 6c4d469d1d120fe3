// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// Cards is the golang structure of table cards for DAO operations like Where/Data.
type Cards struct {
	g.Meta          `orm:"table:cards, do:true"`
	Id              any         //
	ProjectId       any         //
	BatchId         any         //
	PlanId          any         //
	OwnerId         any         //
	KeyHash         any         //
	KeySealed       any         //
	KeyMask         any         //
	Status          any         //
	DurationSeconds any         //
	MaxDevices      any         //
	BoundDevices    any         //
	ActivatedAt     *gtime.Time //
	ExpiresAt       *gtime.Time //
	LastVerifiedAt  *gtime.Time //
	UnbindCount     any         //
	LastUnbindAt    *gtime.Time //
	DisabledAt      *gtime.Time //
	Version         any         //
	CreatedAt       *gtime.Time //
	UpdatedAt       *gtime.Time //
}
