// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpTiers is the golang structure for table derp_tiers.
type DerpTiers struct {
	Code          string      `json:"code"          orm:"code"           description:""`
	Name          string      `json:"name"          orm:"name"           description:""`
	DiscountBps   int         `json:"discountBps"   orm:"discount_bps"   description:""`
	CommissionBps int         `json:"commissionBps" orm:"commission_bps" description:""`
	CreatedAt     *gtime.Time `json:"createdAt"     orm:"created_at"     description:""`
	UpdatedAt     *gtime.Time `json:"updatedAt"     orm:"updated_at"     description:""`
}
