// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// Notifications is the golang structure for table notifications.
type Notifications struct {
	Id        int64       `json:"id"        orm:"id"         description:""`
	NoticeId  int64       `json:"noticeId"  orm:"notice_id"  description:""`
	UserId    int64       `json:"userId"    orm:"user_id"    description:""`
	DedupKey  string      `json:"dedupKey"  orm:"dedup_key"  description:""`
	ReadAt    *gtime.Time `json:"readAt"    orm:"read_at"    description:""`
	CreatedAt *gtime.Time `json:"createdAt" orm:"created_at" description:""`
}
