package v1

import "github.com/gogf/gf/v2/frame/g"

// CallbackQuery is what IPIPV sends: a trigger only, never state (§4).
type CallbackQuery struct {
	Token string `json:"token" in:"path" v:"max-length:64"`
	Type  string `json:"type"  in:"query" v:"max-length:16"`
	No    string `json:"no"    in:"query" v:"max-length:64"`
	Op    string `json:"op"    in:"query" v:"max-length:8"`
}

type CallbackGetReq struct {
	g.Meta `path:"/proxy/callback/{token}" method:"get" tags:"代理 Proxy" summary:"IPIPV callback (a trigger: Kami re-reads the state with its own credentials); answers {code:success}" auth:"public" raw:"true" strict:"off"`
	CallbackQuery
}

type CallbackGetRes struct{}

type CallbackPostReq struct {
	g.Meta `path:"/proxy/callback/{token}" method:"post" tags:"代理 Proxy" summary:"IPIPV callback, POST form; same as GET" auth:"public" raw:"true" strict:"off"`
	CallbackQuery
}

type CallbackPostRes struct{}
