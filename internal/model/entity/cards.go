// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// Cards is the golang structure for table cards.
type Cards struct {
	Id              int64       `json:"id"              orm:"id"               description:""`
	ProjectId       int64       `json:"projectId"       orm:"project_id"       description:""`
	BatchId         int64       `json:"batchId"         orm:"batch_id"         description:""`
	PlanId          int64       `json:"planId"          orm:"plan_id"          description:""`
	OwnerId         int64       `json:"ownerId"         orm:"owner_id"         description:""`
	KeyHash         string      `json:"keyHash"         orm:"key_hash"         description:""`
	KeySealed       string      `json:"keySealed"       orm:"key_sealed"       description:""`
	KeyMask         string      `json:"keyMask"         orm:"key_mask"         description:""`
	Status          string      `json:"status"          orm:"status"           description:""`
	DurationSeconds int64       `json:"durationSeconds" orm:"duration_seconds" description:""`
	MaxDevices      int         `json:"maxDevices"      orm:"max_devices"      description:""`
	BoundDevices    int         `json:"boundDevices"    orm:"bound_devices"    description:""`
	ActivatedAt     *gtime.Time `json:"activatedAt"     orm:"activated_at"     description:""`
	ExpiresAt       *gtime.Time `json:"expiresAt"       orm:"expires_at"       description:""`
	LastVerifiedAt  *gtime.Time `json:"lastVerifiedAt"  orm:"last_verified_at" description:""`
	UnbindCount     int         `json:"unbindCount"     orm:"unbind_count"     description:""`
	LastUnbindAt    *gtime.Time `json:"lastUnbindAt"    orm:"last_unbind_at"   description:""`
	DisabledAt      *gtime.Time `json:"disabledAt"      orm:"disabled_at"      description:""`
	Version         int64       `json:"version"         orm:"version"          description:""`
	CreatedAt       *gtime.Time `json:"createdAt"       orm:"created_at"       description:""`
	UpdatedAt       *gtime.Time `json:"updatedAt"       orm:"updated_at"       description:""`
}
