// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaReservations is the golang structure of table quota_reservations for DAO operations like Where/Data.
type QuotaReservations struct {
	g.Meta    `orm:"table:quota_reservations, do:true"`
	Id        any         //
	UserId    any         //
	Amount    any         //
	Collected any         //
	Type      any         //
	Ref       any         //
	Status    any         //
	Deadline  *gtime.Time //
	CreatedAt *gtime.Time //
	SettledAt *gtime.Time //
}
