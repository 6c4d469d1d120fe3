package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// PoolItem is an agent's flow pool for a dynamic product (proxy/info/v2, bytes).
type PoolItem struct {
	AgentId      int64   `json:"agentId"`
	ProductNo    string  `json:"productNo"`
	TotalBytes   int64   `json:"totalBytes"`
	UsedBytes    int64   `json:"usedBytes"`
	BalanceBytes int64   `json:"balanceBytes"`
	SyncedAt     *string `json:"syncedAt"`
	Stale        bool    `json:"stale" dc:"the last snapshot: the upstream failed at the last sync"`
}

type PoolListReq struct {
	g.Meta `path:"/proxy/pools/list" method:"get" tags:"代理 Proxy" summary:"Flow pools in the caller's scope, as last synced by proxy.usage_sync"`
	common.PageReq
	ProductNo string `json:"productNo" v:"max-length:64"`
	AgentId   int64  `json:"agentId"   v:"min:0"`
}

type PoolListRes struct {
	Items []PoolItem `json:"items"`
	Total int        `json:"total"`
}

// FlowLogItem is one flow use record (proxy/flow/use/log/v2).
type FlowLogItem struct {
	AgentId      int64  `json:"agentId"`
	ProductNo    string `json:"productNo"`
	UsedAt       string `json:"usedAt"`
	UsedBytes    int64  `json:"usedBytes"`
	TotalBytes   int64  `json:"totalBytes"`
	BalanceBytes int64  `json:"balanceBytes"`
}

type FlowLogListReq struct {
	g.Meta `path:"/proxy/flow-logs/list" method:"get" tags:"代理 Proxy" summary:"Flow use records in the caller's scope, as synced by proxy.flow_log_sync"`
	common.PageReq
	ProductNo string `json:"productNo" v:"max-length:64"`
	AgentId   int64  `json:"agentId"   v:"min:0"`
	From      string `json:"from"      v:"max-length:40" dc:"RFC 3339"`
	To        string `json:"to"        v:"max-length:40" dc:"RFC 3339"`
}

type FlowLogListRes struct {
	Items []FlowLogItem `json:"items"`
	Total int           `json:"total"`
}
