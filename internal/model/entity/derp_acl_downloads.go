// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpAclDownloads is the golang structure for table derp_acl_downloads.
type DerpAclDownloads struct {
	Id            int64       `json:"id"            orm:"id"             description:""`
	RentalId      int64       `json:"rentalId"      orm:"rental_id"      description:""`
	CustomerId    int64       `json:"customerId"    orm:"customer_id"    description:""`
	DistributorId int64       `json:"distributorId" orm:"distributor_id" description:""`
	Version       int         `json:"version"       orm:"version"        description:""`
	UserId        int64       `json:"userId"        orm:"user_id"        description:""`
	Username      string      `json:"username"      orm:"username"       description:""`
	Ip            string      `json:"ip"            orm:"ip"             description:""`
	Geo           string      `json:"geo"           orm:"geo"            description:""`
	MachineCode   string      `json:"machineCode"   orm:"machine_code"   description:""`
	Browser       string      `json:"browser"       orm:"browser"        description:""`
	UserAgent     string      `json:"userAgent"     orm:"user_agent"     description:""`
	Format        string      `json:"format"        orm:"format"         description:""`
	Result        string      `json:"result"        orm:"result"         description:""`
	Reason        string      `json:"reason"        orm:"reason"         description:""`
	CreatedAt     *gtime.Time `json:"createdAt"     orm:"created_at"     description:""`
	UpdatedAt     *gtime.Time `json:"updatedAt"     orm:"updated_at"     description:""`
}
