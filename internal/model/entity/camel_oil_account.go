// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// CamelOilAccount is the golang structure for table camel_oil_account.
type CamelOilAccount struct {
	Id              int64       `json:"id"              orm:"id"                description:""`
	Phone           string      `json:"phone"           orm:"phone"             description:""`
	PhoneKey        string      `json:"phoneKey"        orm:"phone_key"         description:""`
	Password        string      `json:"password"        orm:"password"          description:""`
	Token           string      `json:"token"           orm:"token"             description:""`
	TokenExpireAt   *gtime.Time `json:"tokenExpireAt"   orm:"token_expire_at"   description:""`
	Status          string      `json:"status"          orm:"status"            description:""`
	DailyLimit      int         `json:"dailyLimit"      orm:"daily_limit"       description:""`
	DailyDate       string      `json:"dailyDate"       orm:"daily_date"        description:""`
	DailyOrderCount int         `json:"dailyOrderCount" orm:"daily_order_count" description:""`
	DailyPaidCount  int         `json:"dailyPaidCount"  orm:"daily_paid_count"  description:""`
	TotalOrderCount int64       `json:"totalOrderCount" orm:"total_order_count" description:""`
	TotalPaidAmount int64       `json:"totalPaidAmount" orm:"total_paid_amount" description:""`
	LastUsedAt      *gtime.Time `json:"lastUsedAt"      orm:"last_used_at"      description:""`
	LastLoginAt     *gtime.Time `json:"lastLoginAt"     orm:"last_login_at"     description:""`
	StatusChangedAt *gtime.Time `json:"statusChangedAt" orm:"status_changed_at" description:""`
	FailCount       int         `json:"failCount"       orm:"fail_count"        description:""`
	FailureReason   string      `json:"failureReason"   orm:"failure_reason"    description:""`
	Remark          string      `json:"remark"          orm:"remark"            description:""`
	Version         int64       `json:"version"         orm:"version"           description:""`
	CreatedAt       *gtime.Time `json:"createdAt"       orm:"created_at"        description:""`
	UpdatedAt       *gtime.Time `json:"updatedAt"       orm:"updated_at"        description:""`
	DeletedAt       *gtime.Time `json:"deletedAt"       orm:"deleted_at"        description:""`
}
