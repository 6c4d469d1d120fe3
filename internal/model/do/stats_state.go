// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// StatsState is the golang structure of table stats_state for DAO operations like Where/Data.
type StatsState struct {
	g.Meta    `orm:"table:stats_state, do:true"`
	K         any         //
	V         any         //
	UpdatedAt *gtime.Time //
}
