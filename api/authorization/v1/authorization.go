package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Authorizations (项目授权, seed 001 §2.2) say who may generate cards of a project. The
// super-admin grants to any agent-admin or agent; an agent-admin grants to its own agents the
// projects it is authorized for itself, never beyond its own end date. The super-admin is
// authorized for every project without a row.

// AuthorizationItem is one authorization. status: active, revoked or expired (an active one
// whose end passed reads expired even before the job marks it).
type AuthorizationItem struct {
	Id            int64   `json:"id"`
	ProjectId     int64   `json:"projectId"`
	ProjectName   string  `json:"projectName"`
	AgentId       int64   `json:"agentId"       dc:"the authorized user (an agent or an agent-admin)"`
	AgentName     string  `json:"agentName"`
	GrantedBy     int64   `json:"grantedBy"`
	GrantedByName string  `json:"grantedByName"`
	Source        string  `json:"source"        dc:"grant or application"`
	ApplicationId int64   `json:"applicationId" dc:"the approved application, for source application"`
	Status        string  `json:"status"        dc:"active, revoked or expired"`
	ExpiresAt     *string `json:"expiresAt"     dc:"null: never ends"`
	EndedAt       *string `json:"endedAt"`
	CreatedAt     string  `json:"createdAt"`
	UpdatedAt     string  `json:"updatedAt"`
}

type AuthorizationCreateReq struct {
	g.Meta    `path:"/authorizations" method:"post" tags:"授权 Authorizations" summary:"Authorize a user for a project (super-admin: any agent-admin or agent; agent-admin: its own agents, for projects it holds itself); the user is notified"`
	ProjectId int64  `json:"projectId" v:"required|min:1"`
	AgentId   int64  `json:"agentId"   v:"required|min:1"`
	ExpiresAt string `json:"expiresAt" v:"max-length:40" dc:"RFC 3339 end, in the future; absent: never ends (an agent-admin's grant ends with its own authorization at the latest)"`
}

type AuthorizationCreateRes struct {
	AuthorizationItem
}

type AuthorizationListReq struct {
	g.Meta `path:"/authorizations/list" method:"get" tags:"授权 Authorizations" summary:"Authorizations in the caller's scope (an agent: its own); sortBy: id, expiresAt, createdAt"`
	common.PageReq
	ProjectId int64  `json:"projectId" v:"min:0"`
	AgentId   int64  `json:"agentId"   v:"min:0"`
	Status    string `json:"status"    v:"in:active,revoked,expired"`
}

type AuthorizationListRes struct {
	Items []AuthorizationItem `json:"items"`
	Total int                 `json:"total"`
}

type AuthorizationUpdateReq struct {
	g.Meta    `path:"/authorizations/{id}" method:"put" tags:"授权 Authorizations" summary:"Renew or shorten an active authorization: set its end (empty: never ends, within the granter's own limits)"`
	Id        int64  `json:"id"        in:"path" v:"min:1"`
	ExpiresAt string `json:"expiresAt" v:"max-length:40" dc:"RFC 3339 end, in the future; empty: never ends"`
}

type AuthorizationUpdateRes struct {
	AuthorizationItem
}

type AuthorizationDeleteReq struct {
	g.Meta `path:"/authorizations/{id}" method:"delete" tags:"授权 Authorizations" summary:"Revoke an active authorization (kept as history with status revoked); the user is notified"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type AuthorizationDeleteRes struct {
	AuthorizationItem
}
