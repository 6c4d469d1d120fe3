// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// OutboxDeliveries is the golang structure for table outbox_deliveries.
type OutboxDeliveries struct {
	Id           int64       `json:"id"           orm:"id"            description:""`
	EventId      string      `json:"eventId"      orm:"event_id"      description:""`
	Attempt      int         `json:"attempt"      orm:"attempt"       description:""`
	Node         string      `json:"node"         orm:"node"          description:""`
	Url          string      `json:"url"          orm:"url"           description:""`
	Status       string      `json:"status"       orm:"status"        description:""`
	StatusCode   int         `json:"statusCode"   orm:"status_code"   description:""`
	ResponseBody string      `json:"responseBody" orm:"response_body" description:""`
	Error        string      `json:"error"        orm:"error"         description:""`
	DurationMs   int64       `json:"durationMs"   orm:"duration_ms"   description:""`
	CreatedAt    *gtime.Time `json:"createdAt"    orm:"created_at"    description:""`
}
