// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpContainers is the golang structure of table derp_containers for DAO operations like Where/Data.
type DerpContainers struct {
	g.Meta           `orm:"table:derp_containers, do:true"`
	Id               any         //
	RentalId         any         //
	ServerId         any         //
	HaIndex          any         //
	Port             any         //
	TokenGen         any         //
	SpecHash         any         //
	Desired          any         //
	State            any         //
	OpGen            any         //
	LastError        any         //
	RxLast           any         //
	TxLast           any         //
	RxTotal          any         //
	TxTotal          any         //
	CounterStartedAt any         //
	RateBps          any         //
	RateHighStreak   any         //
	ProbeOk          any         //
	LatencyMs        any         //
	DownSince        *gtime.Time //
	RemovedAt        *gtime.Time //
	CreatedAt        *gtime.Time //
	UpdatedAt        *gtime.Time //
}
