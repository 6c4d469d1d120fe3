// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaMovements is the golang structure of table quota_movements for DAO operations like Where/Data.
type QuotaMovements struct {
	g.Meta      `orm:"table:quota_movements, do:true"`
	Id          any         //
	IdemKey     any         //
	Fingerprint any         //
	Type        any         //
	Ref         any         //
	OperatorId  any         //
	Amount      any         //
	Result      any         //
	CreatedAt   *gtime.Time //
}
