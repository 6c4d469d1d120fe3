// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpTrafficHourly is the golang structure of table derp_traffic_hourly for DAO operations like Where/Data.
type DerpTrafficHourly struct {
	g.Meta      `orm:"table:derp_traffic_hourly, do:true"`
	ContainerId any         //
	BucketTs    *gtime.Time //
	RentalId    any         //
	RxBytes     any         //
	TxBytes     any         //
	PeakBps     any         //
	CreatedAt   *gtime.Time //
	UpdatedAt   *gtime.Time //
}
