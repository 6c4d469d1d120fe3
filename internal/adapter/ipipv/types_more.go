package ipipv

import (
	"context"
	"encoding/json"
)

// Paths of the second step: region tree, assign-IP check, instance and order lists, pools,
// flow logs and flow returns.
const (
	PathArea         = "/api/open/app/area/v2"
	PathAssignInfo   = "/api/open/app/assign/ip/info/v2"
	PathInstance     = "/api/open/app/instance/v2"
	PathInstanceList = "/api/open/app/instance/list/v2"
	PathOrderList    = "/api/open/app/order/list/v2"
	PathProxyInfo    = "/api/open/app/proxy/info/v2"
	PathFlowLog      = "/api/open/app/proxy/flow/use/log/v2"
	PathReturn       = "/api/open/app/proxy/return/v2"
)

// Region is one node of the area/v2 tree (children nested).
type Region struct {
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	NameEn   string   `json:"nameEn"`
	Children []Region `json:"children,omitempty"`
}

// Regions calls area/v2 for the whole tree (codes null = all).
func (c *Client) Regions(ctx context.Context) ([]Region, error) {
	var out []Region
	return out, c.Call(ctx, Read, PathArea, NewReqID(), map[string]any{"codes": nil}, &out)
}

// AssignInfo is assign/ip/info/v2: whether an IP can be bought by assign.
type AssignInfo struct {
	IP           string `json:"ip"`
	CanBuyStatus int    `json:"canBuyStatus"` // 1 = can buy
}

// AssignIPInfo calls assign/ip/info/v2.
func (c *Client) AssignIPInfo(ctx context.Context, productNo, ip string) (AssignInfo, error) {
	var out AssignInfo
	return out, c.Call(ctx, Read, PathAssignInfo, NewReqID(), map[string]any{"productNo": productNo, "ip": ip}, &out)
}

// Instances calls instance/v2 for the named instances (what a type=instance callback names).
func (c *Client) Instances(ctx context.Context, nos []string) ([]Instance, error) {
	var out []Instance
	return out, c.Call(ctx, Read, PathInstance, NewReqID(), map[string]any{"instances": nos}, &out)
}

// InstancePage is a page of instance/list/v2.
type InstancePage struct {
	List  []Instance `json:"list"`
	Total int        `json:"total"`
}

// InstanceList calls instance/list/v2 for one page (pageSize ≤ 100).
func (c *Client) InstanceList(ctx context.Context, page, pageSize int) (InstancePage, error) {
	var out InstancePage
	return out, c.Call(ctx, Read, PathInstanceList, NewReqID(), map[string]any{"page": page, "pageSize": pageSize}, &out)
}

// OrderPage is a page of order/list/v2.
type OrderPage struct {
	List  []Order `json:"list"`
	Total int     `json:"total"`
}

// OrderList calls order/list/v2 for one page of orders created in [start, end] (unix seconds).
func (c *Client) OrderList(ctx context.Context, start, end int64, page, pageSize int) (OrderPage, error) {
	var out OrderPage
	return out, c.Call(ctx, Read, PathOrderList, NewReqID(),
		map[string]any{"page": page, "pageSize": pageSize, "startTime": start, "endTime": end}, &out)
}

// Pool is one flow pool of proxy/info/v2 (MB as decimal strings).
type Pool struct {
	ProductNo   string   `json:"productNo"`
	Used        string   `json:"used"`
	Total       string   `json:"total"`
	Balance     string   `json:"balance"`
	IPWhiteList []string `json:"ipWhiteList"`
}

// Pools calls proxy/info/v2 for a main account and product.
func (c *Client) Pools(ctx context.Context, appUsername string, proxyType int, productNo string) ([]Pool, error) {
	var out struct {
		List []Pool `json:"list"`
	}
	return out.List, c.Call(ctx, Read, PathProxyInfo, NewReqID(),
		map[string]any{"appUsername": appUsername, "proxyType": proxyType, "productNo": productNo}, &out)
}

// FlowUse is one row of proxy/flow/use/log/v2 (bytes; usedTime unix seconds).
type FlowUse struct {
	Used      int64  `json:"used"`
	Total     int64  `json:"total"`
	Balance   int64  `json:"balance"`
	UsedTime  int64  `json:"usedTime"`
	ProductNo string `json:"productNo"`
}

// FlowLogPage is a page of proxy/flow/use/log/v2.
type FlowLogPage struct {
	List  []FlowUse `json:"list"`
	Total int       `json:"total"`
}

// FlowLogs calls proxy/flow/use/log/v2 for one page (pageSize ≤ 100).
func (c *Client) FlowLogs(ctx context.Context, appUsername, productNo string, start, end int64, page, pageSize int) (FlowLogPage, error) {
	var out FlowLogPage
	return out, c.Call(ctx, Read, PathFlowLog, NewReqID(), map[string]any{"appUsername": appUsername,
		"productNo": productNo, "startTime": start, "endTime": end, "page": page, "pageSize": pageSize}, &out)
}

// ReturnFlow calls proxy/return/v2 (never retried: it moves upstream money) and returns the
// returnAmount as the upstream wrote it (a JSON number, yuan).
func (c *Client) ReturnFlow(ctx context.Context, appUsername string, proxyType int, productNo string, flowMB int64, remark string) (json.Number, error) {
	var out struct {
		ReturnAmount json.Number `json:"returnAmount"`
	}
	err := c.Call(ctx, Return, PathReturn, NewReqID(), map[string]any{"appUsername": appUsername, "proxyType": proxyType,
		"productNo": productNo, "flowNum": flowMB, "remark": remark}, &out)
	return out.ReturnAmount, err
}
