// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyPrice is the golang structure for table proxy_price.
type ProxyPrice struct {
	Id        int64       `json:"id"        orm:"id"         description:""`
	AgentId   int64       `json:"agentId"   orm:"agent_id"   description:""`
	ProductNo string      `json:"productNo" orm:"product_no" description:""`
	SalePrice int64       `json:"salePrice" orm:"sale_price" description:""`
	SetBy     int64       `json:"setBy"     orm:"set_by"     description:""`
	Version   int64       `json:"version"   orm:"version"    description:""`
	CreatedAt *gtime.Time `json:"createdAt" orm:"created_at" description:""`
	UpdatedAt *gtime.Time `json:"updatedAt" orm:"updated_at" description:""`
}
