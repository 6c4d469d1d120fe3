// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpAlerts is the golang structure of table derp_alerts for DAO operations like Where/Data.
type DerpAlerts struct {
	g.Meta      `orm:"table:derp_alerts, do:true"`
	Id          any         //
	Kind        any         //
	Severity    any         //
	ServerId    any         //
	ContainerId any         //
	RentalId    any         //
	Message     any         //
	DedupKey    any         //
	State       any         //
	AckedBy     any         //
	AckedAt     *gtime.Time //
	CreatedAt   *gtime.Time //
	UpdatedAt   *gtime.Time //
}
