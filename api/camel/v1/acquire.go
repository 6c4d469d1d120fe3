package v1

import "github.com/gogf/gf/v2/frame/g"

type AccountAcquireReq struct {
	g.Meta     `path:"/camel-oil/accounts/acquire" method:"post" tags:"骆驼加油 Camel oil" summary:"Take numbers from the SMS-code platform as new pending_login accounts; 503 when it is unreachable"`
	Count      int  `json:"count"      v:"required|between:1,50"`
	DailyLimit *int `json:"dailyLimit" v:"between:1,1000" dc:"absent: the setting camel_oil.defaultDailyLimit"`
}

type AccountAcquireRes struct {
	Created int      `json:"created"`
	Phones  []string `json:"phones"`
}
