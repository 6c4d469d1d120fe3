// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpPlans is the golang structure for table derp_plans.
type DerpPlans struct {
	Id           int64       `json:"id"           orm:"id"            description:""`
	Name         string      `json:"name"         orm:"name"          description:""`
	Days         int         `json:"days"         orm:"days"          description:""`
	Price        int64       `json:"price"        orm:"price"         description:""`
	TrafficBytes int64       `json:"trafficBytes" orm:"traffic_bytes" description:""`
	MaxDevices   int         `json:"maxDevices"   orm:"max_devices"   description:""`
	Status       string      `json:"status"       orm:"status"        description:""`
	Sort         int         `json:"sort"         orm:"sort"          description:""`
	CreatedAt    *gtime.Time `json:"createdAt"    orm:"created_at"    description:""`
	UpdatedAt    *gtime.Time `json:"updatedAt"    orm:"updated_at"    description:""`
}
