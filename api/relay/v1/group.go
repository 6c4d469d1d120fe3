package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// GroupItem is a relay group: users in it pay ratio × the model price.
type GroupItem struct {
	Id              int64   `json:"id"`
	Code            string  `json:"code"`
	Name            string  `json:"name"`
	Ratio           string  `json:"ratio"           dc:"decimal string"`
	AgentAssignable bool    `json:"agentAssignable" dc:"agent-admins may put their users in it"`
	Remark          string  `json:"remark"`
	UserCount       int     `json:"userCount"       dc:"users assigned explicitly"`
	CreatedAt       *string `json:"createdAt"`
}

type GroupListReq struct {
	g.Meta `path:"/relay/groups/list" method:"get" tags:"AI 中转 Relay" summary:"Relay groups: all (super-admin), assignable (agent-admin), own (agent)"`
	common.PageReq
	Code string `json:"code" v:"max-length:32"`
}

type GroupListRes struct {
	Items []GroupItem `json:"items"`
	Total int         `json:"total"`
}

// GroupFields are the editable fields; the code is fixed at creation (users and channels name it).
type GroupFields struct {
	Name            string `json:"name"            v:"required|length:1,64"`
	Ratio           string `json:"ratio"           v:"max-length:32" d:"1"`
	AgentAssignable bool   `json:"agentAssignable"`
	Remark          string `json:"remark"          v:"max-length:255"`
}

type GroupCreateReq struct {
	g.Meta `path:"/relay/groups" method:"post" tags:"AI 中转 Relay" summary:"Create a relay group"`
	Code   string `json:"code" v:"required|regex:^[A-Za-z0-9_-]{1,32}$"`
	GroupFields
}

type GroupCreateRes = GroupItem

type GroupUpdateReq struct {
	g.Meta `path:"/relay/groups/{id}" method:"put" tags:"AI 中转 Relay" summary:"Change a relay group"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
	GroupFields
}

type GroupUpdateRes = GroupItem

type GroupDeleteReq struct {
	g.Meta `path:"/relay/groups/{id}" method:"delete" tags:"AI 中转 Relay" summary:"Delete a group nobody uses (never default)"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type GroupDeleteRes struct{}

type UserGroupGetReq struct {
	g.Meta `path:"/relay/users/{userId}/group" method:"get" tags:"AI 中转 Relay" summary:"A user's relay group"`
	UserId int64 `json:"userId" in:"path" v:"required|min:1"`
}

type UserGroupRes struct {
	UserId int64  `json:"userId"`
	Group  string `json:"group"`
	Ratio  string `json:"ratio"`
}

type UserGroupGetRes = UserGroupRes

type UserGroupSetReq struct {
	g.Meta `path:"/relay/users/{userId}/group" method:"put" tags:"AI 中转 Relay" summary:"Put a user in a relay group"`
	UserId int64  `json:"userId" in:"path" v:"required|min:1"`
	Group  string `json:"group"  v:"required|max-length:32"`
}

type UserGroupSetRes = UserGroupRes
