// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaWithdrawals is the golang structure for table quota_withdrawals.
type QuotaWithdrawals struct {
	Id            int64       `json:"id"            orm:"id"             description:""`
	UserId        int64       `json:"userId"        orm:"user_id"        description:""`
	Amount        int64       `json:"amount"        orm:"amount"         description:""`
	Account       string      `json:"account"       orm:"account"        description:""`
	Remark        string      `json:"remark"        orm:"remark"         description:""`
	Status        string      `json:"status"        orm:"status"         description:""`
	ReservationId int64       `json:"reservationId" orm:"reservation_id" description:""`
	PaymentRef    string      `json:"paymentRef"    orm:"payment_ref"    description:""`
	Reason        string      `json:"reason"        orm:"reason"         description:""`
	DecidedBy     int64       `json:"decidedBy"     orm:"decided_by"     description:""`
	DecidedAt     *gtime.Time `json:"decidedAt"     orm:"decided_at"     description:""`
	CreatedAt     *gtime.Time `json:"createdAt"     orm:"created_at"     description:""`
	UpdatedAt     *gtime.Time `json:"updatedAt"     orm:"updated_at"     description:""`
}
