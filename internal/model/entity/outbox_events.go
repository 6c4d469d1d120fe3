// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// OutboxEvents is the golang structure for table outbox_events.
type OutboxEvents struct {
	Id             int64       `json:"id"             orm:"id"               description:""`
	EventId        string      `json:"eventId"        orm:"event_id"         description:""`
	Topic          string      `json:"topic"          orm:"topic"            description:""`
	Type           string      `json:"type"           orm:"type"             description:""`
	Ref            string      `json:"ref"            orm:"ref"              description:""`
	Body           string      `json:"body"           orm:"body"             description:""`
	Status         string      `json:"status"         orm:"status"           description:""`
	Attempts       int         `json:"attempts"       orm:"attempts"         description:""`
	RoundAttempts  int         `json:"roundAttempts"  orm:"round_attempts"   description:""`
	NextAttemptAt  *gtime.Time `json:"nextAttemptAt"  orm:"next_attempt_at"  description:""`
	LeaseOwner     string      `json:"leaseOwner"     orm:"lease_owner"      description:""`
	LeaseUntil     *gtime.Time `json:"leaseUntil"     orm:"lease_until"      description:""`
	LastStatusCode int         `json:"lastStatusCode" orm:"last_status_code" description:""`
	LastError      string      `json:"lastError"      orm:"last_error"       description:""`
	DeliveredAt    *gtime.Time `json:"deliveredAt"    orm:"delivered_at"     description:""`
	CreatedAt      *gtime.Time `json:"createdAt"      orm:"created_at"       description:""`
	UpdatedAt      *gtime.Time `json:"updatedAt"      orm:"updated_at"       description:""`
}
