// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// Authorizations is the golang structure of table authorizations for DAO operations like Where/Data.
type Authorizations struct {
	g.Meta        `orm:"table:authorizations, do:true"`
	Id            any         //
	ProjectId     any         //
	UserId        any         //
	GrantedBy     any         //
	Source        any         //
	ApplicationId any         //
	Status        any         //
	ActiveKey     any         //
	ExpiresAt     *gtime.Time //
	WarnedAt      *gtime.Time //
	EndedAt       *gtime.Time //
	EndedBy       any         //
	CreatedAt     *gtime.Time //
	UpdatedAt     *gtime.Time //
}
