// Package v1 is the admin API of the proxy-IP resale module (spec/proxy.md §2).
package v1

import "github.com/gogf/gf/v2/frame/g"

// SettingsView is the typed view of the proxy.* settings; the secret is never returned.
type SettingsView struct {
	BaseUrl          string   `json:"baseUrl"`
	AppKey           string   `json:"appKey"`
	AppSecretSet     bool     `json:"appSecretSet"`
	Encrypt          string   `json:"encrypt"`
	AccountPrefix    string   `json:"accountPrefix"`
	Rps              int64    `json:"rps"`
	CallbackAllowIps []string `json:"callbackAllowIps"`
	CallbackPath     string   `json:"callbackPath" dc:"/api/proxy/callback/{token}: the URL path to register at IPIPV"`
}

type SettingsGetReq struct {
	g.Meta `path:"/proxy/settings" method:"get" tags:"代理 Proxy" summary:"The upstream (IPIPV) settings; the appSecret is never returned"`
}

type SettingsGetRes = SettingsView

// SettingsUpdateReq: any subset; absent fields are unchanged. The same keys (proxy.<name>)
// are in /api/system/settings.
type SettingsUpdateReq struct {
	g.Meta           `path:"/proxy/settings" method:"put" tags:"代理 Proxy" summary:"Change the upstream settings (absent = unchanged); the client is rebuilt on every node"`
	BaseUrl          *string   `json:"baseUrl"          dc:"absolute http(s) URL without a query"`
	AppKey           *string   `json:"appKey"           v:"max-length:64"`
	AppSecret        *string   `json:"appSecret"        dc:"the AES key: exactly 16, 24 or 32 bytes"`
	Encrypt          *string   `json:"encrypt"          v:"in:AES"`
	AccountPrefix    *string   `json:"accountPrefix"    dc:"[a-z]{2,8}; frozen once an upstream account exists"`
	Rps              *int64    `json:"rps"              v:"between:1,1000"`
	CallbackAllowIps *[]string `json:"callbackAllowIps" dc:"CIDRs; empty = any"`
}

type SettingsUpdateRes = SettingsView

type SettingsProbeReq struct {
	g.Meta `path:"/proxy/settings/test" method:"post" tags:"代理 Proxy" summary:"Call info/v2 with the current settings"`
}

type SettingsProbeRes struct {
	AppName            string `json:"appName"`
	Coin               int64  `json:"coin"   dc:"fen"`
	Credit             int64  `json:"credit" dc:"fen"`
	Status             int    `json:"status"`
	CallbackUrl        string `json:"callbackUrl"`
	CallbackUrlMatches bool   `json:"callbackUrlMatches"`
}

type CallbackTokenReq struct {
	g.Meta `path:"/proxy/settings/callback-token" method:"post" tags:"代理 Proxy" summary:"Rotate the callback token (register the new callbackPath at IPIPV)"`
}

type CallbackTokenRes = SettingsView
