// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// RestoreRequests is the golang structure of table restore_requests for DAO operations like Where/Data.
type RestoreRequests struct {
	g.Meta      `orm:"table:restore_requests, do:true"`
	Id          any         //
	BackupId    any         //
	Target      any         //
	Reason      any         //
	Status      any         //
	RequestedBy any         //
	ApprovedBy  any         //
	Error       any         //
	CreatedAt   *gtime.Time //
	FinishedAt  *gtime.Time //
}
