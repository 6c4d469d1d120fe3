package ipipv

import (
	"context"
)

// Paths of the open API v2 (all under /api/open/app/).
const (
	PathInfo         = "/api/open/app/info/v2"
	PathProducts     = "/api/open/app/product/query/v2"
	PathProductAreas = "/api/open/app/product/area/v2"
	PathUser         = "/api/open/app/user/v2"
	PathProxyUser    = "/api/open/app/proxy/user/v2"
	PathFlowLimit    = "/api/open/app/proxy/user/flow/limit/v2"
	PathUserInfo     = "/api/open/app/proxy/user/info/v2"
	PathOpen         = "/api/open/app/instance/open/v2"
	PathOpenAssign   = "/api/open/app/instance/open/assign/ip/v2"
	PathOrder        = "/api/open/app/order/v2"
	PathRenew        = "/api/open/app/instance/renew/v2"
	PathDrawAPI      = "/api/open/app/proxy/draw/api/v2"
	PathWhitelistAdd = "/api/open/app/proxy/addIpWhiteList/v2"
	PathWhitelistDel = "/api/open/app/proxy/delIpWhiteList/v2"
	PathDrawPwd      = "/api/open/app/proxy/draw/pwd/v2"
	PathRelease      = "/api/open/app/instance/release/v2"
)

// Info is info/v2 (money as the upstream's yuan strings; callers parse with YuanToFen).
type Info struct {
	AppName     string `json:"appName"`
	Coin        string `json:"coin"`
	Credit      string `json:"credit"`
	CallbackURL string `json:"callbackUrl"`
	Status      int    `json:"status"`
}

// Product is one row of product/query/v2.
type Product struct {
	ProductNo          string `json:"productNo"`
	ProductName        string `json:"productName"`
	ProxyType          int    `json:"proxyType"`
	CountryCode        string `json:"countryCode"`
	StateCode          string `json:"stateCode"`
	CityCode           string `json:"cityCode"`
	AreaCode           string `json:"areaCode"`
	UseType            string `json:"useType"`
	Protocol           string `json:"protocol"`
	CostPrice          string `json:"costPrice"`
	Inventory          int    `json:"inventory"`
	Enable             int    `json:"enable"`
	Duration           int    `json:"duration"`
	Unit               int    `json:"unit"`
	DrawType           int    `json:"drawType"`
	RefundDuration     int    `json:"refundDuration"`
	IPCount            int    `json:"ipCount"`
	AssignIP           int    `json:"assignIp"`
	FlowConversionBase int    `json:"flowConversionBase"`
	IPWhiteList        int    `json:"ipWhiteList"`
	PwdDrawProxyUser   int    `json:"pwdDrawProxyUser"`
	ProxyUserFlowLimit int    `json:"proxyUserFlowLimit"`
	FlowUseLog         int    `json:"flowUseLog"`
}

// Dynamic reports whether the product is sold by flow (104/105).
func (p Product) Dynamic() bool { return p.ProxyType == 104 || p.ProxyType == 105 }

// Area is one row of product/area/v2.
type Area struct {
	ProductNo   string `json:"productNo"`
	AreaCode    string `json:"areaCode"`
	CountryCode string `json:"countryCode"`
	StateCode   string `json:"stateCode"`
	CityCode    string `json:"cityCode"`
	Status      int    `json:"status"`
	Region      string `json:"region"`
}

// OpenItem is one element of instance/open/v2 params.
type OpenItem struct {
	ProductNo   string `json:"productNo"`
	Count       int    `json:"count"`
	CycleTimes  int    `json:"cycleTimes"`
	Renew       bool   `json:"renew"` // always false: Kami renews itself, so the agent is charged
	UseBridge   int    `json:"useBridge"`
	AppUsername string `json:"appUsername,omitempty"`
	Flow        int64  `json:"flow,omitempty"` // MB, dynamic only
}

// OpenRequest is the body of instance/open/v2.
type OpenRequest struct {
	AppOrderNo string     `json:"appOrderNo"`
	Params     []OpenItem `json:"params"`
}

// AssignRequest is the body of instance/open/assign/ip/v2.
type AssignRequest struct {
	AppOrderNo string `json:"appOrderNo"`
	ProductNo  string `json:"productNo"`
	AssignIP   string `json:"assignIp"`
	CycleTimes int    `json:"cycleTimes"`
	Renew      bool   `json:"renew"`
}

// RenewItem is one instance of instance/renew/v2.
type RenewItem struct {
	InstanceNo string `json:"instanceNo"`
	CycleTimes int    `json:"cycleTimes"`
}

// RenewRequest is the body of instance/renew/v2.
type RenewRequest struct {
	AppOrderNo string      `json:"appOrderNo"`
	Instances  []RenewItem `json:"instances"`
}

// ReleaseRequest is the body of instance/release/v2: orderNo and appOrderNo are both our
// release number (§1).
type ReleaseRequest struct {
	OrderNo    string   `json:"orderNo"`
	AppOrderNo string   `json:"appOrderNo"`
	Instances  []string `json:"instances"`
}

// OrderAck is the synchronous answer of the order writes.
type OrderAck struct {
	OrderNo    string `json:"orderNo"`
	AppOrderNo string `json:"appOrderNo"`
	Amount     string `json:"amount"`
}

// Order statuses of order/v2.
const (
	OrderPending    = 1
	OrderProcessing = 2
	OrderSuccess    = 3
	OrderFailed     = 4
	OrderPartial    = 5
)

// Order is order/v2.
type Order struct {
	OrderNo    string     `json:"orderNo"`
	AppOrderNo string     `json:"appOrderNo"`
	Type       int        `json:"type"`
	Status     int        `json:"status"`
	Count      int        `json:"count"`
	Amount     string     `json:"amount"`
	Refund     int        `json:"refund"`
	Total      int        `json:"total"`
	Instances  []Instance `json:"instances"`
}

// Instance is instance/v2.
type Instance struct {
	InstanceNo  string `json:"instanceNo"`
	ProxyType   int    `json:"proxyType"`
	Protocol    string `json:"protocol"`
	IP          string `json:"ip"`
	Port        int    `json:"port"`
	Username    string `json:"username"`
	Pwd         string `json:"pwd"`
	CountryCode string `json:"countryCode"`
	CityCode    string `json:"cityCode"`
	UserExpired int64  `json:"userExpired"`
	FlowTotal   int64  `json:"flowTotal"`
	FlowBalance int64  `json:"flowBalance"`
	Status      int    `json:"status"`
	ProductNo   string `json:"productNo"`
}

// Account is the answer of user/v2 and proxy/user/v2.
type Account struct {
	AppUsername string `json:"appUsername"`
	Username    string `json:"username"`
	Status      int    `json:"status"`
}

// Info calls info/v2 (no params).
func (c *Client) Info(ctx context.Context) (Info, error) {
	var out Info
	return out, c.Call(ctx, Read, PathInfo, NewReqID(), nil, &out)
}

// Products calls product/query/v2 for every proxy type, or one productNo.
func (c *Client) Products(ctx context.Context, productNo string) ([]Product, error) {
	p := map[string]any{"proxyType": []int{101, 102, 103, 104, 105}}
	if productNo != "" {
		p["productNo"] = productNo
	}
	var out []Product
	return out, c.Call(ctx, Read, PathProducts, NewReqID(), p, &out)
}

// Areas calls product/area/v2 for a dynamic product.
func (c *Client) Areas(ctx context.Context, productNo string, proxyType int) ([]Area, error) {
	var out []Area
	return out, c.Call(ctx, Read, PathProductAreas, NewReqID(),
		map[string]any{"productNo": productNo, "proxyType": proxyType}, &out)
}

// EnsureMainAccount calls user/v2 (idempotent upstream).
func (c *Client) EnsureMainAccount(ctx context.Context, appUsername string) (Account, error) {
	var out Account
	return out, c.Call(ctx, IdempotentWrite, PathUser, NewReqID(),
		map[string]any{"appUsername": appUsername, "status": 1, "authType": 1}, &out)
}

// SetFlowLimit calls proxy/user/flow/limit/v2 (bytes, -1 = none).
func (c *Client) SetFlowLimit(ctx context.Context, productNo, appUsername string, limit int64) error {
	return c.Call(ctx, IdempotentWrite, PathFlowLimit, NewReqID(),
		map[string]any{"productNo": productNo, "appUsername": appUsername, "limitFlow": limit}, nil)
}

// SendOrder sends stored order bytes under the stored reqId (first send and every re-send).
func (c *Client) SendOrder(ctx context.Context, path, reqID, appOrderNo string, plain []byte) (OrderAck, error) {
	var out OrderAck
	return out, c.Send(ctx, OrderWrite, path, reqID, appOrderNo, plain, &out)
}

// QueryOrder calls order/v2 by our appOrderNo.
func (c *Client) QueryOrder(ctx context.Context, appOrderNo string) (Order, error) {
	var out Order
	return out, c.Call(ctx, Read, PathOrder, NewReqID(),
		map[string]any{"appOrderNo": appOrderNo, "page": 1, "pageSize": 100}, &out)
}

// ProxyUser is the body of proxy/user/v2 (create or change a proxy user under a main account).
type ProxyUser struct {
	AppUsername     string `json:"appUsername"`
	Password        string `json:"password"`
	AppMainUsername string `json:"appMainUsername"`
	Remark          string `json:"remark"`
	Status          int    `json:"status"` // 1 enabled, 2 disabled
	LimitFlow       int64  `json:"limitFlow"`
}

// SaveProxyUser calls proxy/user/v2 (idempotent upstream: the same name updates the user).
func (c *Client) SaveProxyUser(ctx context.Context, u ProxyUser) (Account, error) {
	var out Account
	u.LimitFlow = 0 // limits go through flow/limit/v2 per product
	return out, c.Call(ctx, IdempotentWrite, PathProxyUser, NewReqID(), u, &out)
}

// DrawRequest is the body of proxy/draw/api/v2 (main account) and proxy/draw/pwd/v2 (a
// proxy user, with sessTime in minutes as a string).
type DrawRequest struct {
	AppUsername string `json:"appUsername"`
	ProxyType   int    `json:"proxyType"`
	ProductNo   string `json:"productNo"`
	Num         int    `json:"num"`
	AddressCode string `json:"addressCode,omitempty"`
	Protocol    string `json:"protocol,omitempty"`
	ReturnType  string `json:"returnType,omitempty"`
	Delimiter   string `json:"delimiter,omitempty"`
	SessTime    string `json:"sessTime,omitempty"`
}

// Drawn is one drawn proxy; pwd draws carry the list of endpoints too.
type Drawn struct {
	ProxyURL string   `json:"proxyUrl"`
	List     []string `json:"list,omitempty"`
}

// Draw calls proxy/draw/api/v2 or proxy/draw/pwd/v2 (one retry; a draw moves no money).
func (c *Client) Draw(ctx context.Context, path string, r DrawRequest) ([]Drawn, error) {
	var out struct {
		List []Drawn `json:"list"`
	}
	return out.List, c.Call(ctx, Draw, path, NewReqID(), r, &out)
}

// Whitelist calls proxy/addIpWhiteList/v2 or delIpWhiteList/v2 on a main account and returns
// the whole set after the change.
func (c *Client) Whitelist(ctx context.Context, path, appUsername string, proxyType int, productNo, ip string) ([]string, error) {
	var out struct {
		IPWhiteList []string `json:"ipWhiteList"`
	}
	err := c.Call(ctx, IdempotentWrite, path, NewReqID(), map[string]any{"appUsername": appUsername, "ip": ip,
		"proxyType": proxyType, "productNo": productNo}, &out)
	return out.IPWhiteList, err
}
