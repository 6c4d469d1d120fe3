// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaReviews is the golang structure for table quota_reviews.
type QuotaReviews struct {
	Id             int64       `json:"id"             orm:"id"              description:""`
	Kind           string      `json:"kind"           orm:"kind"            description:""`
	UserId         int64       `json:"userId"         orm:"user_id"         description:""`
	ToUserId       int64       `json:"toUserId"       orm:"to_user_id"      description:""`
	Amount         int64       `json:"amount"         orm:"amount"          description:""`
	ApprovedAmount int64       `json:"approvedAmount" orm:"approved_amount" description:""`
	Rules          string      `json:"rules"          orm:"rules"           description:""`
	Remark         string      `json:"remark"         orm:"remark"          description:""`
	Status         string      `json:"status"         orm:"status"          description:""`
	ReservationId  int64       `json:"reservationId"  orm:"reservation_id"  description:""`
	WithdrawalId   int64       `json:"withdrawalId"   orm:"withdrawal_id"   description:""`
	MovementId     int64       `json:"movementId"     orm:"movement_id"     description:""`
	Note           string      `json:"note"           orm:"note"            description:""`
	ReviewerId     int64       `json:"reviewerId"     orm:"reviewer_id"     description:""`
	DecidedAt      *gtime.Time `json:"decidedAt"      orm:"decided_at"      description:""`
	CreatedAt      *gtime.Time `json:"createdAt"      orm:"created_at"      description:""`
	UpdatedAt      *gtime.Time `json:"updatedAt"      orm:"updated_at"      description:""`
}
