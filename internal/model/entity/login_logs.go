// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// LoginLogs is the golang structure for table login_logs.
type LoginLogs struct {
	Id        int64       `json:"id"        orm:"id"         description:""`
	UserId    int64       `json:"userId"    orm:"user_id"    description:""`
	Username  string      `json:"username"  orm:"username"   description:""`
	Ip        string      `json:"ip"        orm:"ip"         description:""`
	UserAgent string      `json:"userAgent" orm:"user_agent" description:""`
	Result    int         `json:"result"    orm:"result"     description:""`
	Reason    string      `json:"reason"    orm:"reason"     description:""`
	CreatedAt *gtime.Time `json:"createdAt" orm:"created_at" description:""`
	Location  string      `json:"location"  orm:"location"   description:""`
}
