// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaReviews is the golang structure of table quota_reviews for DAO operations like Where/Data.
type QuotaReviews struct {
	g.Meta         `orm:"table:quota_reviews, do:true"`
	Id             any         //
	Kind           any         //
	UserId         any         //
	ToUserId       any         //
	Amount         any         //
	ApprovedAmount any         //
	Rules          any         //
	Remark         any         //
	Status         any         //
	ReservationId  any         //
	WithdrawalId   any         //
	MovementId     any         //
	Note           any         //
	ReviewerId     any         //
	DecidedAt      *gtime.Time //
	CreatedAt      *gtime.Time //
	UpdatedAt      *gtime.Time //
}
