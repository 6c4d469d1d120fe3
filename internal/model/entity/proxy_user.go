// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyUser is the golang structure for table proxy_user.
type ProxyUser struct {
	Id               int64       `json:"id"               orm:"id"                description:""`
	AgentId          int64       `json:"agentId"          orm:"agent_id"          description:""`
	Username         string      `json:"username"         orm:"username"          description:""`
	AppUsername      string      `json:"appUsername"      orm:"app_username"      description:""`
	UpstreamUsername string      `json:"upstreamUsername" orm:"upstream_username" description:""`
	Password         string      `json:"password"         orm:"password"          description:""`
	Remark           string      `json:"remark"           orm:"remark"            description:""`
	Status           int         `json:"status"           orm:"status"            description:""`
	FlowLimit        int64       `json:"flowLimit"        orm:"flow_limit"        description:""`
	Version          int64       `json:"version"          orm:"version"           description:""`
	CreatedAt        *gtime.Time `json:"createdAt"        orm:"created_at"        description:""`
	UpdatedAt        *gtime.Time `json:"updatedAt"        orm:"updated_at"        description:""`
}
