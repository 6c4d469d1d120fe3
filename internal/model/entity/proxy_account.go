// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyAccount is the golang structure for table proxy_account.
type ProxyAccount struct {
	Id               int64       `json:"id"               orm:"id"                description:""`
	AgentId          int64       `json:"agentId"          orm:"agent_id"          description:""`
	AppUsername      string      `json:"appUsername"      orm:"app_username"      description:""`
	UpstreamUsername string      `json:"upstreamUsername" orm:"upstream_username" description:""`
	CreatedAt        *gtime.Time `json:"createdAt"        orm:"created_at"        description:""`
}
