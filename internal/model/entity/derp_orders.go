// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpOrders is the golang structure for table derp_orders.
type DerpOrders struct {
	Id            int64       `json:"id"            orm:"id"             description:""`
	OrderNo       string      `json:"orderNo"       orm:"order_no"       description:""`
	Kind          string      `json:"kind"          orm:"kind"           description:""`
	BuyerId       int64       `json:"buyerId"       orm:"buyer_id"       description:""`
	DistributorId int64       `json:"distributorId" orm:"distributor_id" description:""`
	PlanId        int64       `json:"planId"        orm:"plan_id"        description:""`
	Count         int         `json:"count"         orm:"count"          description:""`
	ListPrice     int64       `json:"listPrice"     orm:"list_price"     description:""`
	Tier          string      `json:"tier"          orm:"tier"           description:""`
	DiscountBps   int         `json:"discountBps"   orm:"discount_bps"   description:""`
	UnitPrice     int64       `json:"unitPrice"     orm:"unit_price"     description:""`
	Amount        int64       `json:"amount"        orm:"amount"         description:""`
	CommissionBps int         `json:"commissionBps" orm:"commission_bps" description:""`
	Commission    int64       `json:"commission"    orm:"commission"     description:""`
	CommissionTo  int64       `json:"commissionTo"  orm:"commission_to"  description:""`
	Refunded      int64       `json:"refunded"      orm:"refunded"       description:""`
	PayMethod     string      `json:"payMethod"     orm:"pay_method"     description:""`
	Status        string      `json:"status"        orm:"status"         description:""`
	RentalId      int64       `json:"rentalId"      orm:"rental_id"      description:""`
	SerialId      int64       `json:"serialId"      orm:"serial_id"      description:""`
	BatchId       int64       `json:"batchId"       orm:"batch_id"       description:""`
	IdemKey       string      `json:"idemKey"       orm:"idem_key"       description:""`
	Remark        string      `json:"remark"        orm:"remark"         description:""`
	ReviewReason  string      `json:"reviewReason"  orm:"review_reason"  description:""`
	ReviewedBy    int64       `json:"reviewedBy"    orm:"reviewed_by"    description:""`
	ReviewedAt    *gtime.Time `json:"reviewedAt"    orm:"reviewed_at"    description:""`
	CompletedAt   *gtime.Time `json:"completedAt"   orm:"completed_at"   description:""`
	CreatedAt     *gtime.Time `json:"createdAt"     orm:"created_at"     description:""`
	UpdatedAt     *gtime.Time `json:"updatedAt"     orm:"updated_at"     description:""`
}
