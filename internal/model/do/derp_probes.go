// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpProbes is the golang structure of table derp_probes for DAO operations like Where/Data.
type DerpProbes struct {
	g.Meta      `orm:"table:derp_probes, do:true"`
	Id          any         //
	ServerId    any         //
	ContainerId any         //
	Kind        any         //
	Ok          any         //
	LatencyMs   any         //
	Error       any         //
	ProbedAt    *gtime.Time //
	CreatedAt   *gtime.Time //
	UpdatedAt   *gtime.Time //
}
