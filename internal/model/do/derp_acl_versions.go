// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpAclVersions is the golang structure of table derp_acl_versions for DAO operations like Where/Data.
type DerpAclVersions struct {
	g.Meta      `orm:"table:derp_acl_versions, do:true"`
	Id          any         //
	RentalId    any         //
	Version     any         //
	Sha256      any         //
	Body        any         //
	GeneratedAt *gtime.Time //
	ValidUntil  *gtime.Time //
	GenTrigger  any         //
	ActorId     any         //
	ActorIp     any         //
	ActorGeo    any         //
	Status      any         //
	CreatedAt   *gtime.Time //
	UpdatedAt   *gtime.Time //
}
