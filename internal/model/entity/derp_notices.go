// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpNotices is the golang structure for table derp_notices.
type DerpNotices struct {
	Id        int64       `json:"id"        orm:"id"         description:""`
	DedupKey  string      `json:"dedupKey"  orm:"dedup_key"  description:""`
	Kind      string      `json:"kind"      orm:"kind"       description:""`
	UserId    int64       `json:"userId"    orm:"user_id"    description:""`
	RentalId  int64       `json:"rentalId"  orm:"rental_id"  description:""`
	Template  string      `json:"template"  orm:"template"   description:""`
	Params    string      `json:"params"    orm:"params"     description:""`
	CreatedAt *gtime.Time `json:"createdAt" orm:"created_at" description:""`
	UpdatedAt *gtime.Time `json:"updatedAt" orm:"updated_at" description:""`
}
