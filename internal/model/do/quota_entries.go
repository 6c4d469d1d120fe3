// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaEntries is the golang structure of table quota_entries for DAO operations like Where/Data.
type QuotaEntries struct {
	g.Meta         `orm:"table:quota_entries, do:true"`
	Id             any         //
	MovementId     any         //
	UserId         any         //
	Bucket         any         //
	Amount         any         //
	BalanceAfter   any         //
	Type           any         //
	CounterpartyId any         //
	OperatorId     any         //
	Ref            any         //
	Remark         any         //
	IdemKey        any         //
	CreatedAt      *gtime.Time //
}
