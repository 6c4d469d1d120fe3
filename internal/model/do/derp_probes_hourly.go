// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpProbesHourly is the golang structure of table derp_probes_hourly for DAO operations like Where/Data.
type DerpProbesHourly struct {
	g.Meta      `orm:"table:derp_probes_hourly, do:true"`
	ServerId    any         //
	ContainerId any         //
	BucketTs    *gtime.Time //
	Rounds      any         //
	OkRounds    any         //
	P50Ms       any         //
	P95Ms       any         //
	MaxMs       any         //
	CreatedAt   *gtime.Time //
	UpdatedAt   *gtime.Time //
}
