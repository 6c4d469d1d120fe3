// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayTokens is the golang structure for table relay_tokens.
type RelayTokens struct {
	Id            int64       `json:"id"            orm:"id"             description:""`
	UserId        int64       `json:"userId"        orm:"user_id"        description:""`
	Name          string      `json:"name"          orm:"name"           description:""`
	KeyHash       string      `json:"keyHash"       orm:"key_hash"       description:""`
	KeyHint       string      `json:"keyHint"       orm:"key_hint"       description:""`
	Status        int         `json:"status"        orm:"status"         description:""`
	ExpiresAt     *gtime.Time `json:"expiresAt"     orm:"expires_at"     description:""`
	QuotaLimit    int64       `json:"quotaLimit"    orm:"quota_limit"    description:""`
	UsedQuota     int64       `json:"usedQuota"     orm:"used_quota"     description:""`
	AllowedModels string      `json:"allowedModels" orm:"allowed_models" description:""`
	AllowedIps    string      `json:"allowedIps"    orm:"allowed_ips"    description:""`
	RpmLimit      int         `json:"rpmLimit"      orm:"rpm_limit"      description:""`
	LastUsedAt    *gtime.Time `json:"lastUsedAt"    orm:"last_used_at"   description:""`
	CreatedAt     *gtime.Time `json:"createdAt"     orm:"created_at"     description:""`
	UpdatedAt     *gtime.Time `json:"updatedAt"     orm:"updated_at"     description:""`
	DeletedAt     *gtime.Time `json:"deletedAt"     orm:"deleted_at"     description:""`
}
