// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpTrafficSamples is the golang structure of table derp_traffic_samples for DAO operations like Where/Data.
type DerpTrafficSamples struct {
	g.Meta      `orm:"table:derp_traffic_samples, do:true"`
	ContainerId any         //
	BucketTs    *gtime.Time //
	RxBytes     any         //
	TxBytes     any         //
	RateBps     any         //
	CreatedAt   *gtime.Time //
	UpdatedAt   *gtime.Time //
}
