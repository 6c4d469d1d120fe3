// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// CamelOilOrder is the golang structure for table camel_oil_order.
type CamelOilOrder struct {
	Id              int64       `json:"id"              orm:"id"                description:""`
	OrderNo         string      `json:"orderNo"         orm:"order_no"          description:""`
	MerchantId      int64       `json:"merchantId"      orm:"merchant_id"       description:""`
	MerchantOrderNo string      `json:"merchantOrderNo" orm:"merchant_order_no" description:""`
	AccountId       int64       `json:"accountId"       orm:"account_id"        description:""`
	Amount          int64       `json:"amount"          orm:"amount"            description:""`
	PlatformOrderNo string      `json:"platformOrderNo" orm:"platform_order_no" description:""`
	PayUrl          string      `json:"payUrl"          orm:"pay_url"           description:""`
	Status          string      `json:"status"          orm:"status"            description:""`
	ExpireAt        *gtime.Time `json:"expireAt"        orm:"expire_at"         description:""`
	PaidAt          *gtime.Time `json:"paidAt"          orm:"paid_at"           description:""`
	Attach          string      `json:"attach"          orm:"attach"            description:""`
	NotifyStatus    string      `json:"notifyStatus"    orm:"notify_status"     description:""`
	NotifyCount     int         `json:"notifyCount"     orm:"notify_count"      description:""`
	NextCheckAt     *gtime.Time `json:"nextCheckAt"     orm:"next_check_at"     description:""`
	CheckCount      int         `json:"checkCount"      orm:"check_count"       description:""`
	Version         int64       `json:"version"         orm:"version"           description:""`
	CreatedAt       *gtime.Time `json:"createdAt"       orm:"created_at"        description:""`
	UpdatedAt       *gtime.Time `json:"updatedAt"       orm:"updated_at"        description:""`
}
