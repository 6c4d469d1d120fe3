// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaWithdrawals is the golang structure of table quota_withdrawals for DAO operations like Where/Data.
type QuotaWithdrawals struct {
	g.Meta        `orm:"table:quota_withdrawals, do:true"`
	Id            any         //
	UserId        any         //
	Amount        any         //
	Account       any         //
	Remark        any         //
	Status        any         //
	ReservationId any         //
	PaymentRef    any         //
	Reason        any         //
	DecidedBy     any         //
	DecidedAt     *gtime.Time //
	CreatedAt     *gtime.Time //
	UpdatedAt     *gtime.Time //
}
