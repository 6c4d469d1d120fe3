// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyPriceHistory is the golang structure for table proxy_price_history.
type ProxyPriceHistory struct {
	Id         int64       `json:"id"         orm:"id"          description:""`
	ProductNo  string      `json:"productNo"  orm:"product_no"  description:""`
	AgentId    int64       `json:"agentId"    orm:"agent_id"    description:""`
	OldPrice   int64       `json:"oldPrice"   orm:"old_price"   description:""`
	NewPrice   int64       `json:"newPrice"   orm:"new_price"   description:""`
	OperatorId int64       `json:"operatorId" orm:"operator_id" description:""`
	CreatedAt  *gtime.Time `json:"createdAt"  orm:"created_at"  description:""`
}
