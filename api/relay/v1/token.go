package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// TokenItem is a relay token as the admin API shows it: never the key, only its hint.
type TokenItem struct {
	Id            int64    `json:"id"`
	UserId        int64    `json:"userId"`
	Username      string   `json:"username"`
	Name          string   `json:"name"`
	KeyHint       string   `json:"keyHint"       dc:"sk-AbCd…wxyz"`
	Status        int      `json:"status"        dc:"1 on, 0 off"`
	ExpiresAt     *string  `json:"expiresAt"     dc:"RFC 3339; null = never"`
	QuotaLimit    int64    `json:"quotaLimit"    dc:"quota units; 0 = no limit"`
	UsedQuota     int64    `json:"usedQuota"`
	AllowedModels []string `json:"allowedModels" dc:"empty = every model"`
	AllowedIps    []string `json:"allowedIps"    dc:"IPs or CIDRs; empty = any"`
	RpmLimit      int      `json:"rpmLimit"      dc:"requests per minute; 0 = no limit"`
	LastUsedAt    *string  `json:"lastUsedAt"`
	CreatedAt     *string  `json:"createdAt"`
}

type TokenListReq struct {
	g.Meta `path:"/relay/tokens/list" method:"get" tags:"AI 中转 Relay" summary:"Relay tokens in the caller's scope"`
	common.PageReq
	UserId int64  `json:"userId" v:"min:0"`
	Name   string `json:"name"   v:"max-length:64"`
	Status *int   `json:"status" v:"in:0,1"`
}

type TokenListRes struct {
	Items []TokenItem `json:"items"`
	Total int         `json:"total"`
}

// TokenFields are the editable fields of a token, shared by create and update.
type TokenFields struct {
	Name          string   `json:"name"          v:"required|length:1,64"`
	ExpiresAt     *string  `json:"expiresAt"     dc:"RFC 3339; absent or null = never"`
	QuotaLimit    int64    `json:"quotaLimit"    v:"min:0"`
	AllowedModels []string `json:"allowedModels" v:"max-length:200"`
	AllowedIps    []string `json:"allowedIps"    v:"max-length:100"`
	RpmLimit      int      `json:"rpmLimit"      v:"between:0,100000"`
}

type TokenCreateReq struct {
	g.Meta `path:"/relay/tokens" method:"post" tags:"AI 中转 Relay" summary:"Create a relay token; the key is shown once"`
	UserId int64 `json:"userId" v:"min:0" dc:"absent: the caller"`
	TokenFields
}

// TokenCreateRes is the token with its key, the only time the key is returned.
type TokenCreateRes struct {
	TokenItem
	Key string `json:"key"`
}

type TokenGetReq struct {
	g.Meta `path:"/relay/tokens/{id}" method:"get" tags:"AI 中转 Relay" summary:"One relay token"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type TokenGetRes = TokenItem

type TokenUpdateReq struct {
	g.Meta `path:"/relay/tokens/{id}" method:"put" tags:"AI 中转 Relay" summary:"Edit a relay token; in force on /v1 within 2 s"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
	TokenFields
}

type TokenUpdateRes = TokenItem

type TokenDeleteReq struct {
	g.Meta `path:"/relay/tokens/{id}" method:"delete" tags:"AI 中转 Relay" summary:"Delete a relay token"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type TokenDeleteRes struct{}

type TokenStatusReq struct {
	g.Meta `path:"/relay/tokens/{id}/status" method:"put" tags:"AI 中转 Relay" summary:"Switch a relay token on or off"`
	Id     int64 `json:"id"     in:"path" v:"required|min:1"`
	Status *int  `json:"status" v:"required|in:0,1"`
}

type TokenStatusRes = TokenItem

type TokenRotateReq struct {
	g.Meta `path:"/relay/tokens/{id}/rotate" method:"post" tags:"AI 中转 Relay" summary:"Replace a token's key; the old key stops working, the new one is shown once"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type TokenRotateRes struct {
	Key string `json:"key"`
}
