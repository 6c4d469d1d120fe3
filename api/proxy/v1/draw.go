package v1

import "github.com/gogf/gf/v2/frame/g"

type DrawAPIReq struct {
	g.Meta      `path:"/proxy/draw/api" method:"post" tags:"代理 Proxy" summary:"Draw proxies on the caller's main account (free); the product needs drawType 1 or 3, else 400 CAPABILITY_UNSUPPORTED"`
	ProductNo   string `json:"productNo"   v:"required|max-length:64"`
	Num         int    `json:"num"         v:"required|between:1,100"`
	AddressCode string `json:"addressCode" v:"max-length:32"`
	Protocol    string `json:"protocol"    v:"max-length:16"`
	ReturnType  string `json:"returnType"  v:"max-length:16"`
	Delimiter   string `json:"delimiter"   v:"max-length:8"`
}

type DrawAPIRes struct {
	Urls []string `json:"urls"`
}

type DrawPwdReq struct {
	g.Meta      `path:"/proxy/draw/pwd" method:"post" tags:"代理 Proxy" summary:"Draw user/password proxies for one of the caller's proxy users (free); the product needs drawType 2 or 3, else 400 CAPABILITY_UNSUPPORTED"`
	UserId      int64  `json:"userId"      v:"required|min:1"`
	ProductNo   string `json:"productNo"   v:"required|max-length:64"`
	Num         int    `json:"num"         v:"required|between:1,100"`
	AddressCode string `json:"addressCode" v:"max-length:32"`
	SessTime    int    `json:"sessTime"    v:"required|between:1,120" dc:"minutes"`
}

type DrawnItem struct {
	ProxyUrl string   `json:"proxyUrl"`
	List     []string `json:"list"`
}

type DrawPwdRes struct {
	Items []DrawnItem `json:"items"`
}
