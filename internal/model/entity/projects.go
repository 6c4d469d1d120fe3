// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// Projects is the golang structure for table projects.
type Projects struct {
	Id                 int64       `json:"id"                 orm:"id"                    description:""`
	Name               string      `json:"name"               orm:"name"                  description:""`
	Description        string      `json:"description"        orm:"description"           description:""`
	Version            string      `json:"version"            orm:"version"               description:""`
	Status             string      `json:"status"             orm:"status"                description:""`
	AppKey             string      `json:"appKey"             orm:"app_key"               description:""`
	AppSecret          string      `json:"appSecret"          orm:"app_secret"            description:""`
	PrevAppSecret      string      `json:"prevAppSecret"      orm:"prev_app_secret"       description:""`
	PrevSecretUntil    *gtime.Time `json:"prevSecretUntil"    orm:"prev_secret_until"     description:""`
	SecretRotatedAt    *gtime.Time `json:"secretRotatedAt"    orm:"secret_rotated_at"     description:""`
	WebhookSecret      string      `json:"webhookSecret"      orm:"webhook_secret"        description:""`
	CallbackUrl        string      `json:"callbackUrl"        orm:"callback_url"          description:""`
	CallbackEvents     string      `json:"callbackEvents"     orm:"callback_events"       description:""`
	MaxUnbinds         int         `json:"maxUnbinds"         orm:"max_unbinds"           description:""`
	UnbindCooldown     int         `json:"unbindCooldown"     orm:"unbind_cooldown"       description:""`
	VerifyAfterAuthEnd int         `json:"verifyAfterAuthEnd" orm:"verify_after_auth_end" description:""`
	RatePerApp         int         `json:"ratePerApp"         orm:"rate_per_app"          description:""`
	RatePerIp          int         `json:"ratePerIp"          orm:"rate_per_ip"           description:""`
	RowVersion         int64       `json:"rowVersion"         orm:"row_version"           description:""`
	CreatedBy          int64       `json:"createdBy"          orm:"created_by"            description:""`
	CreatedAt          *gtime.Time `json:"createdAt"          orm:"created_at"            description:""`
	UpdatedAt          *gtime.Time `json:"updatedAt"          orm:"updated_at"            description:""`
}
