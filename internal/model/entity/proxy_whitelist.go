// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyWhitelist is the golang structure for table proxy_whitelist.
type ProxyWhitelist struct {
	Id        int64       `json:"id"        orm:"id"         description:""`
	AgentId   int64       `json:"agentId"   orm:"agent_id"   description:""`
	ProductNo string      `json:"productNo" orm:"product_no" description:""`
	Ip        string      `json:"ip"        orm:"ip"         description:""`
	CreatedAt *gtime.Time `json:"createdAt" orm:"created_at" description:""`
}
