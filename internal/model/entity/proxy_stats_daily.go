// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyStatsDaily is the golang structure for table proxy_stats_daily.
type ProxyStatsDaily struct {
	Id            int64       `json:"id"            orm:"id"             description:""`
	Day           *gtime.Time `json:"day"           orm:"day"            description:""`
	AgentId       int64       `json:"agentId"       orm:"agent_id"       description:""`
	ProductNo     string      `json:"productNo"     orm:"product_no"     description:""`
	Kind          string      `json:"kind"          orm:"kind"           description:""`
	Orders        int         `json:"orders"        orm:"orders"         description:""`
	Success       int         `json:"success"       orm:"success"        description:""`
	SaleAmount    int64       `json:"saleAmount"    orm:"sale_amount"    description:""`
	ChargedAmount int64       `json:"chargedAmount" orm:"charged_amount" description:""`
	CostAmount    int64       `json:"costAmount"    orm:"cost_amount"    description:""`
	FlowBytes     int64       `json:"flowBytes"     orm:"flow_bytes"     description:""`
	Instances     int         `json:"instances"     orm:"instances"      description:""`
	UpdatedAt     *gtime.Time `json:"updatedAt"     orm:"updated_at"     description:""`
}
