// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpAclVersions is the golang structure for table derp_acl_versions.
type DerpAclVersions struct {
	Id          int64       `json:"id"          orm:"id"           description:""`
	RentalId    int64       `json:"rentalId"    orm:"rental_id"    description:""`
	Version     int         `json:"version"     orm:"version"      description:""`
	Sha256      string      `json:"sha256"      orm:"sha256"       description:""`
	Body        string      `json:"body"        orm:"body"         description:""`
	GeneratedAt *gtime.Time `json:"generatedAt" orm:"generated_at" description:""`
	ValidUntil  *gtime.Time `json:"validUntil"  orm:"valid_until"  description:""`
	GenTrigger  string      `json:"genTrigger"  orm:"gen_trigger"  description:""`
	ActorId     int64       `json:"actorId"     orm:"actor_id"     description:""`
	ActorIp     string      `json:"actorIp"     orm:"actor_ip"     description:""`
	ActorGeo    string      `json:"actorGeo"    orm:"actor_geo"    description:""`
	Status      string      `json:"status"      orm:"status"       description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"   description:""`
	UpdatedAt   *gtime.Time `json:"updatedAt"   orm:"updated_at"   description:""`
}
