package v1

import "github.com/gogf/gf/v2/frame/g"

type CaptchaReq struct {
	g.Meta   `path:"/auth/captcha" method:"get" tags:"认证 Auth" summary:"Get a login captcha" auth:"public"`
	Username string `json:"username" v:"max-length:128" dc:"the username (or customer email) about to log in; tells whether a captcha is required"`
}

type CaptchaRes struct {
	CaptchaID string `json:"captchaId" dc:"pass back with the answer"`
	Image     string `json:"image"     dc:"data:image/png;base64,..."`
	Required  bool   `json:"required"  dc:"whether the next login of that username (or this IP) needs the captcha"`
}
