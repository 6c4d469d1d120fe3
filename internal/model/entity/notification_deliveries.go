// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// NotificationDeliveries is the golang structure for table notification_deliveries.
type NotificationDeliveries struct {
	Id             int64       `json:"id"             orm:"id"              description:""`
	NotificationId int64       `json:"notificationId" orm:"notification_id" description:""`
	UserId         int64       `json:"userId"         orm:"user_id"         description:""`
	Channel        string      `json:"channel"        orm:"channel"         description:""`
	Status         string      `json:"status"         orm:"status"          description:""`
	Attempts       int         `json:"attempts"       orm:"attempts"        description:""`
	NextAttemptAt  *gtime.Time `json:"nextAttemptAt"  orm:"next_attempt_at" description:""`
	LastError      string      `json:"lastError"      orm:"last_error"      description:""`
	Node           string      `json:"node"           orm:"node"            description:""`
	SentAt         *gtime.Time `json:"sentAt"         orm:"sent_at"         description:""`
	CreatedAt      *gtime.Time `json:"createdAt"      orm:"created_at"      description:""`
	UpdatedAt      *gtime.Time `json:"updatedAt"      orm:"updated_at"      description:""`
}
