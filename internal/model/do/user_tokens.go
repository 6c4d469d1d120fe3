// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// UserTokens is the golang structure of table user_tokens for DAO operations like Where/Data.
type UserTokens struct {
	g.Meta    `orm:"table:user_tokens, do:true"`
	Id        any         //
	UserId    any         //
	Purpose   any         //
	TokenHash any         //
	ExpiresAt *gtime.Time //
	UsedAt    *gtime.Time //
	CreatedAt *gtime.Time //
}
