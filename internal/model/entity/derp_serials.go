// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpSerials is the golang structure for table derp_serials.
type DerpSerials struct {
	Id            int64       `json:"id"            orm:"id"             description:""`
	CodeHash      string      `json:"codeHash"      orm:"code_hash"      description:""`
	CodeEnc       string      `json:"codeEnc"       orm:"code_enc"       description:""`
	CodeLast4     string      `json:"codeLast4"     orm:"code_last4"     description:""`
	PlanId        int64       `json:"planId"        orm:"plan_id"        description:""`
	BatchId       int64       `json:"batchId"       orm:"batch_id"       description:""`
	DistributorId int64       `json:"distributorId" orm:"distributor_id" description:""`
	OrderId       int64       `json:"orderId"       orm:"order_id"       description:""`
	Source        string      `json:"source"        orm:"source"         description:""`
	Status        string      `json:"status"        orm:"status"         description:""`
	ExpiresAt     *gtime.Time `json:"expiresAt"     orm:"expires_at"     description:""`
	UsedBy        int64       `json:"usedBy"        orm:"used_by"        description:""`
	UsedAt        *gtime.Time `json:"usedAt"        orm:"used_at"        description:""`
	UsedAs        string      `json:"usedAs"        orm:"used_as"        description:""`
	RentalId      int64       `json:"rentalId"      orm:"rental_id"      description:""`
	CreatedAt     *gtime.Time `json:"createdAt"     orm:"created_at"     description:""`
	UpdatedAt     *gtime.Time `json:"updatedAt"     orm:"updated_at"     description:""`
}
