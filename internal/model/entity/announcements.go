// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// Announcements is the golang structure for table announcements.
type Announcements struct {
	Id         int64       `json:"id"         orm:"id"         description:""`
	Title      string      `json:"title"      orm:"title"      description:""`
	Content    string      `json:"content"    orm:"content"    description:""`
	Type       string      `json:"type"       orm:"type"       description:""`
	Audience   string      `json:"audience"   orm:"audience"   description:""`
	Email      int         `json:"email"      orm:"email"      description:""`
	Status     string      `json:"status"     orm:"status"     description:""`
	SendAt     *gtime.Time `json:"sendAt"     orm:"send_at"    description:""`
	SentAt     *gtime.Time `json:"sentAt"     orm:"sent_at"    description:""`
	Recipients int         `json:"recipients" orm:"recipients" description:""`
	CreatedBy  int64       `json:"createdBy"  orm:"created_by" description:""`
	Creator    string      `json:"creator"    orm:"creator"    description:""`
	CreatedAt  *gtime.Time `json:"createdAt"  orm:"created_at" description:""`
	UpdatedAt  *gtime.Time `json:"updatedAt"  orm:"updated_at" description:""`
}
