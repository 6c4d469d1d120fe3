package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Camel oil merchants (camel-oil.md §4, §6): the callers of the signed merchant API. notifyUrl is
// set here by the super-admin only, never by a merchant request, so merchants cannot aim Kami's
// callbacks at internal hosts. Secrets are answered once, at creation or rotation.

type MerchantItem struct {
	Id              int64    `json:"id"`
	Name            string   `json:"name"`
	AppKey          string   `json:"appKey"`
	NotifyUrl       string   `json:"notifyUrl"`
	RateLimit       int      `json:"rateLimit"       dc:"requests per second"`
	IpAllowList     []string `json:"ipAllowList"     dc:"empty: any address"`
	Status          string   `json:"status"          dc:"active or disabled"`
	PrevSecretUntil *string  `json:"prevSecretUntil" dc:"while set, the previous appSecret still verifies"`
	CreatedAt       string   `json:"createdAt"`
}

type MerchantListReq struct {
	g.Meta `path:"/camel-oil/merchants/list" method:"get" tags:"骆驼加油 Camel oil" summary:"Merchants; sortBy: id, name, createdAt"`
	common.PageReq
	Status  string `json:"status"  v:"in:active,disabled"`
	Keyword string `json:"keyword" v:"max-length:64" dc:"part of the name or the appKey"`
}

type MerchantListRes struct {
	Items []MerchantItem `json:"items"`
	Total int            `json:"total"`
}

type MerchantCreateReq struct {
	g.Meta      `path:"/camel-oil/merchants" method:"post" tags:"骆驼加油 Camel oil" summary:"Add a merchant; its appSecret and webhookSecret are shown this once"`
	Name        string   `json:"name"        v:"required|max-length:64"`
	NotifyUrl   string   `json:"notifyUrl"   v:"url|max-length:512" dc:"http(s) URL the paid callbacks go to; loopback and private addresses allowed"`
	RateLimit   *int     `json:"rateLimit"   v:"between:1,100000" dc:"absent: 100"`
	IpAllowList []string `json:"ipAllowList" v:"max-length:100" dc:"IPs or CIDRs"`
}

type MerchantCreateRes struct {
	MerchantItem
	AppSecret     string `json:"appSecret"`
	WebhookSecret string `json:"webhookSecret"`
}

type MerchantUpdateReq struct {
	g.Meta      `path:"/camel-oil/merchants/{id}" method:"put" tags:"骆驼加油 Camel oil" summary:"Change a merchant's name, callback URL, rate limit or IP allow-list"`
	Id          int64     `json:"id"          in:"path" v:"required|min:1"`
	Name        *string   `json:"name"        v:"length:1,64"`
	NotifyUrl   *string   `json:"notifyUrl"   v:"url|max-length:512" dc:"empty string: no callbacks"`
	RateLimit   *int      `json:"rateLimit"   v:"between:1,100000"`
	IpAllowList *[]string `json:"ipAllowList"`
}

type MerchantUpdateRes struct {
	MerchantItem
}

type MerchantStatusReq struct {
	g.Meta `path:"/camel-oil/merchants/{id}/status" method:"put" tags:"骆驼加油 Camel oil" summary:"Disable a merchant (its calls answer 403 MERCHANT_DISABLED) or enable it"`
	Id     int64  `json:"id"     in:"path" v:"required|min:1"`
	Status string `json:"status" v:"required|in:active,disabled"`
}

type MerchantStatusRes struct {
	MerchantItem
}

type MerchantRotateReq struct {
	g.Meta `path:"/camel-oil/merchants/{id}/secret/rotate" method:"post" tags:"骆驼加油 Camel oil" summary:"Issue a new appSecret; the current one keeps verifying for 24 h"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type MerchantRotateRes struct {
	MerchantItem
	AppSecret string `json:"appSecret"`
}
