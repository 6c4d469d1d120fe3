// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// CardBatches is the golang structure for table card_batches.
type CardBatches struct {
	Id              int64       `json:"id"              orm:"id"               description:""`
	ProjectId       int64       `json:"projectId"       orm:"project_id"       description:""`
	PlanId          int64       `json:"planId"          orm:"plan_id"          description:""`
	OwnerId         int64       `json:"ownerId"         orm:"owner_id"         description:""`
	PlanName        string      `json:"planName"        orm:"plan_name"        description:""`
	DurationSeconds int64       `json:"durationSeconds" orm:"duration_seconds" description:""`
	MaxDevices      int         `json:"maxDevices"      orm:"max_devices"      description:""`
	Count           int         `json:"count"           orm:"count"            description:""`
	GeneratedCount  int         `json:"generatedCount"  orm:"generated_count"  description:""`
	Price           int64       `json:"price"           orm:"price"            description:""`
	Cost            int64       `json:"cost"            orm:"cost"             description:""`
	ReservationId   int64       `json:"reservationId"   orm:"reservation_id"   description:""`
	Remark          string      `json:"remark"          orm:"remark"           description:""`
	Status          string      `json:"status"          orm:"status"           description:""`
	IdemKey         string      `json:"idemKey"         orm:"idem_key"         description:""`
	DisabledAt      *gtime.Time `json:"disabledAt"      orm:"disabled_at"      description:""`
	DisabledBy      int64       `json:"disabledBy"      orm:"disabled_by"      description:""`
	CreatedAt       *gtime.Time `json:"createdAt"       orm:"created_at"       description:""`
	UpdatedAt       *gtime.Time `json:"updatedAt"       orm:"updated_at"       description:""`
}
