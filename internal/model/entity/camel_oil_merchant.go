// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// CamelOilMerchant is the golang structure for table camel_oil_merchant.
type CamelOilMerchant struct {
	Id              int64       `json:"id"              orm:"id"                description:""`
	Name            string      `json:"name"            orm:"name"              description:""`
	AppKey          string      `json:"appKey"          orm:"app_key"           description:""`
	AppSecret       string      `json:"appSecret"       orm:"app_secret"        description:""`
	PrevAppSecret   string      `json:"prevAppSecret"   orm:"prev_app_secret"   description:""`
	PrevSecretUntil *gtime.Time `json:"prevSecretUntil" orm:"prev_secret_until" description:""`
	WebhookSecret   string      `json:"webhookSecret"   orm:"webhook_secret"    description:""`
	NotifyUrl       string      `json:"notifyUrl"       orm:"notify_url"        description:""`
	RateLimit       int         `json:"rateLimit"       orm:"rate_limit"        description:""`
	IpAllowList     string      `json:"ipAllowList"     orm:"ip_allow_list"     description:""`
	Status          string      `json:"status"          orm:"status"            description:""`
	Version         int64       `json:"version"         orm:"version"           description:""`
	CreatedAt       *gtime.Time `json:"createdAt"       orm:"created_at"        description:""`
	UpdatedAt       *gtime.Time `json:"updatedAt"       orm:"updated_at"        description:""`
}
