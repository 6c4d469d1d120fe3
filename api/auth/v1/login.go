package v1

import "github.com/gogf/gf/v2/frame/g"

type LoginReq struct {
	g.Meta      `path:"/auth/login" method:"post" tags:"认证 Auth" summary:"Log in with username and password" auth:"public" maintenance:"exempt"`
	Username    string `json:"username"    v:"required|max-length:128" dc:"a staff username or a customer's email address, any case"`
	Password    string `json:"password"    v:"required|max-length:128" dc:"password"`
	CaptchaID   string `json:"captchaId"   v:"max-length:64"           dc:"from GET /auth/captcha; required after 3 failures"`
	CaptchaCode string `json:"captchaCode" v:"max-length:16"           dc:"the captcha answer"`
	SmsCode     string `json:"smsCode"     v:"max-length:16"           dc:"with security.loginSmsCode on, for an account with a phone: the code the first login (answered SMS_CODE_REQUIRED) sent by SMS"`
	// The stock Vben login form posts these two as well; both are accepted and ignored.
	Captcha       bool   `json:"captcha"       dc:"Vben's slider-captcha flag: ignored, it never counts as solving the image captcha"`
	SelectAccount string `json:"selectAccount" v:"max-length:64" dc:"Vben's demo account picker: ignored"`
}

type LoginRes struct {
	AccessToken        string   `json:"accessToken"`
	UserID             int64    `json:"userId"`
	Username           string   `json:"username"`
	RealName           string   `json:"realName"`
	Roles              []string `json:"roles"`
	HomePath           string   `json:"homePath"`
	MustChangePassword bool     `json:"mustChangePassword"`
}

type RefreshReq struct {
	g.Meta `path:"/auth/refresh" method:"post" tags:"认证 Auth" summary:"Rotate the refresh cookie and return a new access token as the raw body" auth:"public" raw:"true" maintenance:"exempt"`
	// Vben's bare client posts its axios options as the body: {"withCredentials": true}.
	WithCredentials bool `json:"withCredentials" dc:"sent by the stock Vben client; ignored"`
}

type RefreshRes struct{}

type LogoutReq struct {
	g.Meta          `path:"/auth/logout" method:"post" tags:"认证 Auth" summary:"Revoke the session named by the bearer token and/or the refresh cookie, and clear the cookie" auth:"public" maintenance:"exempt"`
	WithCredentials bool `json:"withCredentials" dc:"sent by the stock Vben client; ignored"`
}

type LogoutRes string

type CodesReq struct {
	g.Meta `path:"/auth/codes" method:"get" tags:"认证 Auth" summary:"Permission codes (buttons) of the caller" auth:"login"`
}

type CodesRes []string
