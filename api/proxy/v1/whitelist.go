package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

type WhitelistItem struct {
	Id        int64  `json:"id"`
	AgentId   int64  `json:"agentId"`
	ProductNo string `json:"productNo"`
	Ip        string `json:"ip"`
	CreatedAt string `json:"createdAt"`
}

type WhitelistListReq struct {
	g.Meta `path:"/proxy/whitelist/list" method:"get" tags:"代理 Proxy" summary:"IP whitelist entries in the caller's scope (the mirror of the upstream's sets)"`
	common.PageReq
	ProductNo string `json:"productNo" v:"max-length:64"`
}

type WhitelistListRes struct {
	Items []WhitelistItem `json:"items"`
	Total int             `json:"total"`
}

type WhitelistAddReq struct {
	g.Meta    `path:"/proxy/whitelist" method:"post" tags:"代理 Proxy" summary:"Add an IP to the caller's whitelist of a product: upstream first, the local set replaced by the upstream's; at most 20"`
	ProductNo string `json:"productNo" v:"required|max-length:64"`
	Ip        string `json:"ip"        v:"required|ip"`
}

type WhitelistAddRes = WhitelistListRes

type WhitelistDeleteReq struct {
	g.Meta `path:"/proxy/whitelist/{id}" method:"delete" tags:"代理 Proxy" summary:"Remove a whitelist entry: upstream first, the local set replaced by the upstream's"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type WhitelistDeleteRes = WhitelistListRes
