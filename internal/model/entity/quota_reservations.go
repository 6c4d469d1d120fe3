// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaReservations is the golang structure for table quota_reservations.
type QuotaReservations struct {
	Id        int64       `json:"id"        orm:"id"         description:""`
	UserId    int64       `json:"userId"    orm:"user_id"    description:""`
	Amount    int64       `json:"amount"    orm:"amount"     description:""`
	Collected int64       `json:"collected" orm:"collected"  description:""`
	Type      string      `json:"type"      orm:"type"       description:""`
	Ref       string      `json:"ref"       orm:"ref"        description:""`
	Status    string      `json:"status"    orm:"status"     description:""`
	Deadline  *gtime.Time `json:"deadline"  orm:"deadline"   description:""`
	CreatedAt *gtime.Time `json:"createdAt" orm:"created_at" description:""`
	SettledAt *gtime.Time `json:"settledAt" orm:"settled_at" description:""`
}
