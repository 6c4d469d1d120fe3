// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpAclDownloads is the golang structure of table derp_acl_downloads for DAO operations like Where/Data.
type DerpAclDownloads struct {
	g.Meta        `orm:"table:derp_acl_downloads, do:true"`
	Id            any         //
	RentalId      any         //
	CustomerId    any         //
	DistributorId any         //
	Version       any         //
	UserId        any         //
	Username      any         //
	Ip            any         //
	Geo           any         //
	MachineCode   any         //
	Browser       any         //
	UserAgent     any         //
	Format        any         //
	Result        any         //
	Reason        any         //
	CreatedAt     *gtime.Time //
	UpdatedAt     *gtime.Time //
}
