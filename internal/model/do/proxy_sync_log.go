// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxySyncLog is the golang structure of table proxy_sync_log for DAO operations like Where/Data.
type ProxySyncLog struct {
	g.Meta     `orm:"table:proxy_sync_log, do:true"`
	Id         any         //
	Job        any         //
	Status     any         //
	Counts     any         //
	Error      any         //
	StartedAt  *gtime.Time //
	FinishedAt *gtime.Time //
}
