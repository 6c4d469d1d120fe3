// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpDistributors is the golang structure of table derp_distributors for DAO operations like Where/Data.
type DerpDistributors struct {
	g.Meta     `orm:"table:derp_distributors, do:true"`
	UserId     any         //
	Tier       any         //
	InviteCode any         //
	Status     any         //
	CreatedAt  *gtime.Time //
	UpdatedAt  *gtime.Time //
}
