// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyFlowLog is the golang structure for table proxy_flow_log.
type ProxyFlowLog struct {
	Id           int64       `json:"id"           orm:"id"            description:""`
	AgentId      int64       `json:"agentId"      orm:"agent_id"      description:""`
	ProductNo    string      `json:"productNo"    orm:"product_no"    description:""`
	UsedAt       *gtime.Time `json:"usedAt"       orm:"used_at"       description:""`
	UsedBytes    int64       `json:"usedBytes"    orm:"used_bytes"    description:""`
	TotalBytes   int64       `json:"totalBytes"   orm:"total_bytes"   description:""`
	BalanceBytes int64       `json:"balanceBytes" orm:"balance_bytes" description:""`
}
