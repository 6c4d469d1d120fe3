// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// StatsDays is the golang structure of table stats_days for DAO operations like Where/Data.
type StatsDays struct {
	g.Meta      `orm:"table:stats_days, do:true"`
	Day         any         //
	Frozen      any         //
	RefreshedAt *gtime.Time //
}
