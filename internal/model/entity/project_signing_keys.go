// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProjectSigningKeys is the golang structure for table project_signing_keys.
type ProjectSigningKeys struct {
	Id         int64       `json:"id"         orm:"id"          description:""`
	ProjectId  int64       `json:"projectId"  orm:"project_id"  description:""`
	Kid        string      `json:"kid"        orm:"kid"         description:""`
	PublicKey  string      `json:"publicKey"  orm:"public_key"  description:""`
	PrivateKey string      `json:"privateKey" orm:"private_key" description:""`
	Status     string      `json:"status"     orm:"status"      description:""`
	RetireAt   *gtime.Time `json:"retireAt"   orm:"retire_at"   description:""`
	CreatedAt  *gtime.Time `json:"createdAt"  orm:"created_at"  description:""`
	RetiredAt  *gtime.Time `json:"retiredAt"  orm:"retired_at"  description:""`
}
