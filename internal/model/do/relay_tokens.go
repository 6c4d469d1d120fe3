// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayTokens is the golang structure of table relay_tokens for DAO operations like Where/Data.
type RelayTokens struct {
	g.Meta        `orm:"table:relay_tokens, do:true"`
	Id            any         //
	UserId        any         //
	Name          any         //
	KeyHash       any         //
	KeyHint       any         //
	Status        any         //
	ExpiresAt     *gtime.Time //
	QuotaLimit    any         //
	UsedQuota     any         //
	AllowedModels any         //
	AllowedIps    any         //
	RpmLimit      any         //
	LastUsedAt    *gtime.Time //
	CreatedAt     *gtime.Time //
	UpdatedAt     *gtime.Time //
	DeletedAt     *gtime.Time //
}
