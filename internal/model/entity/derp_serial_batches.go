// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpSerialBatches is the golang structure for table derp_serial_batches.
type DerpSerialBatches struct {
	Id            int64       `json:"id"            orm:"id"             description:""`
	PlanId        int64       `json:"planId"        orm:"plan_id"        description:""`
	Count         int         `json:"count"         orm:"count"          description:""`
	DistributorId int64       `json:"distributorId" orm:"distributor_id" description:""`
	OrderId       int64       `json:"orderId"       orm:"order_id"       description:""`
	Source        string      `json:"source"        orm:"source"         description:""`
	Remark        string      `json:"remark"        orm:"remark"         description:""`
	CreatedBy     int64       `json:"createdBy"     orm:"created_by"     description:""`
	ExpiresAt     *gtime.Time `json:"expiresAt"     orm:"expires_at"     description:""`
	CreatedAt     *gtime.Time `json:"createdAt"     orm:"created_at"     description:""`
	UpdatedAt     *gtime.Time `json:"updatedAt"     orm:"updated_at"     description:""`
}
