package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// UserView is a proxy user; password appears in the detail only.
type UserView struct {
	Id          int64   `json:"id"`
	AgentId     int64   `json:"agentId"`
	Username    string  `json:"username"`
	AppUsername string  `json:"appUsername"`
	Status      int     `json:"status" dc:"1 enabled, 2 disabled"`
	Remark      string  `json:"remark"`
	FlowLimit   int64   `json:"flowLimit" dc:"bytes per dynamic product, -1 = none"`
	CreatedAt   string  `json:"createdAt"`
	Password    *string `json:"password,omitempty"`
}

type UserListReq struct {
	g.Meta `path:"/proxy/users/list" method:"get" tags:"代理 Proxy" summary:"Proxy users in the caller's scope"`
	common.PageReq
	Keyword string `json:"keyword" v:"max-length:32"`
	Status  int    `json:"status"  v:"in:0,1,2"`
}

type UserListRes struct {
	Items []UserView `json:"items"`
	Total int        `json:"total"`
}

type UserGetReq struct {
	g.Meta `path:"/proxy/users/{id}" method:"get" tags:"代理 Proxy" summary:"One proxy user with its password (404 outside the caller's scope)"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type UserGetRes = UserView

type UserCreateReq struct {
	g.Meta    `path:"/proxy/users" method:"post" tags:"代理 Proxy" summary:"Create a proxy user upstream (main account ensured first), then locally; a taken name → 409 NAME_TAKEN"`
	Username  string `json:"username"  v:"required|regex:^[a-z][a-z0-9]{2,19}$"`
	Password  string `json:"password"  v:"regex:^[A-Za-z0-9]{8,32}$" dc:"generated if absent"`
	Remark    string `json:"remark"    v:"max-length:100"`
	FlowLimit *int64 `json:"flowLimit" v:"min:-1" dc:"bytes per dynamic product, -1 = none (default)"`
}

type UserCreateRes = UserView

type UserUpdateReq struct {
	g.Meta    `path:"/proxy/users/{id}" method:"put" tags:"代理 Proxy" summary:"Change a proxy user's password, remark, status or flow limit (upstream first)"`
	Id        int64   `json:"id"        in:"path" v:"required|min:1"`
	Password  *string `json:"password"  v:"regex:^[A-Za-z0-9]{8,32}$"`
	Remark    *string `json:"remark"    v:"max-length:100"`
	Status    *int    `json:"status"    v:"in:1,2"`
	FlowLimit *int64  `json:"flowLimit" v:"min:-1"`
}

type UserUpdateRes = UserView

// UserLimit is one per-product flow limit of a proxy user.
type UserLimit struct {
	ProductNo  string `json:"productNo"`
	LimitBytes int64  `json:"limitBytes" dc:"-1 = none"`
	Pushed     bool   `json:"pushed"     dc:"false until the upstream has it; proxy.limit_push retries"`
	LastError  string `json:"lastError"`
}

type UserLimitsGetReq struct {
	g.Meta `path:"/proxy/users/{id}/limits" method:"get" tags:"代理 Proxy" summary:"A proxy user's per-product flow limits"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type UserLimitsGetRes struct {
	Items []UserLimit `json:"items"`
	Total int         `json:"total"`
}

type UserLimitsPutReq struct {
	g.Meta     `path:"/proxy/users/{id}/limits" method:"put" tags:"代理 Proxy" summary:"Set a proxy user's flow limit for one dynamic product: stored, pushed now, retried by proxy.limit_push"`
	Id         int64  `json:"id"         in:"path" v:"required|min:1"`
	ProductNo  string `json:"productNo"  v:"required|max-length:64"`
	LimitBytes int64  `json:"limitBytes" v:"min:-1"`
}

type UserLimitsPutRes = UserLimit
