package v1

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"

	"kami/api/common"
)

// Camel oil accounts (骆驼加油账号, camel-oil.md §1, §6): the pool orders are dispatched to.
// Super-admin by default; the data is platform-wide. password and token are never answered.

// AccountItem is one account. A counter whose day is not today (Asia/Shanghai) reads as 0.
type AccountItem struct {
	Id              int64   `json:"id"`
	Phone           string  `json:"phone"`
	Status          string  `json:"status"          dc:"pending_login, logging_in, online, paused_daily, invalid, disabled"`
	DailyLimit      int     `json:"dailyLimit"`
	DailyOrderCount int     `json:"dailyOrderCount" dc:"orders dispatched today (counted at dispatch)"`
	DailyPaidCount  int     `json:"dailyPaidCount"`
	TotalOrderCount int64   `json:"totalOrderCount"`
	TotalPaidAmount int64   `json:"totalPaidAmount" dc:"fen"`
	LastUsedAt      *string `json:"lastUsedAt"`
	LastLoginAt     *string `json:"lastLoginAt"`
	TokenExpireAt   *string `json:"tokenExpireAt"`
	FailCount       int     `json:"failCount"`
	FailureReason   string  `json:"failureReason"`
	Remark          string  `json:"remark"`
	CreatedAt       string  `json:"createdAt"`
}

type AccountListReq struct {
	g.Meta `path:"/camel-oil/accounts/list" method:"get" tags:"骆驼加油 Camel oil" summary:"Accounts of the pool; sortBy: id, dailyOrderCount, lastUsedAt, createdAt"`
	common.PageReq
	Status  string `json:"status"  v:"in:pending_login,logging_in,online,paused_daily,invalid,disabled"`
	Keyword string `json:"keyword" v:"max-length:32" dc:"part of the phone or the remark"`
}

type AccountListRes struct {
	Items []AccountItem `json:"items"`
	Total int           `json:"total"`
}

type AccountGetReq struct {
	g.Meta `path:"/camel-oil/accounts/{id}" method:"get" tags:"骆驼加油 Camel oil" summary:"One account"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type AccountGetRes struct {
	AccountItem
}

type AccountCreateReq struct {
	g.Meta     `path:"/camel-oil/accounts" method:"post" tags:"骆驼加油 Camel oil" summary:"Add an account (pending_login); 409 when the phone is in the pool"`
	Phone      string `json:"phone"      v:"required|regex:^1\\d{10}$"`
	Password   string `json:"password"   v:"max-length:128" dc:"optional; stored sealed"`
	DailyLimit *int   `json:"dailyLimit" v:"between:1,1000" dc:"absent: the setting camel_oil.defaultDailyLimit"`
	Remark     string `json:"remark"     v:"max-length:255"`
}

type AccountCreateRes struct {
	AccountItem
}

type AccountUpdateReq struct {
	g.Meta     `path:"/camel-oil/accounts/{id}" method:"put" tags:"骆驼加油 Camel oil" summary:"Change an account's daily limit, remark or password"`
	Id         int64   `json:"id"         in:"path" v:"required|min:1"`
	DailyLimit *int    `json:"dailyLimit" v:"between:1,1000"`
	Remark     *string `json:"remark"     v:"max-length:255"`
	Password   *string `json:"password"   v:"max-length:128"`
}

type AccountUpdateRes struct {
	AccountItem
}

type AccountStatusReq struct {
	g.Meta `path:"/camel-oil/accounts/{id}/status" method:"put" tags:"骆驼加油 Camel oil" summary:"Disable an account (from any status), or enable a disabled or invalid one (back to pending_login)"`
	Id     int64  `json:"id"     in:"path" v:"required|min:1"`
	Status string `json:"status" v:"required|in:disabled,pending_login"`
}

type AccountStatusRes struct {
	AccountItem
}

type AccountDeleteReq struct {
	g.Meta `path:"/camel-oil/accounts/{id}" method:"delete" tags:"骆驼加油 Camel oil" summary:"Delete an account (soft); 409 while it has pending_pay orders"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type AccountDeleteRes struct{}

// HistoryItem is one status change. operatorId 0 = the system.
type HistoryItem struct {
	Id         int64  `json:"id"`
	FromStatus string `json:"fromStatus"`
	ToStatus   string `json:"toStatus"`
	Reason     string `json:"reason"`
	OperatorId int64  `json:"operatorId"`
	CreatedAt  string `json:"createdAt"`
}

type AccountHistoryReq struct {
	g.Meta `path:"/camel-oil/accounts/{id}/history" method:"get" tags:"骆驼加油 Camel oil" summary:"An account's status changes, newest first"`
	common.PageReq
	Id int64 `json:"id" in:"path" v:"required|min:1"`
}

type AccountHistoryRes struct {
	Items []HistoryItem `json:"items"`
	Total int           `json:"total"`
}

type AccountLoginReq struct {
	g.Meta `path:"/camel-oil/accounts/{id}/login" method:"post" tags:"骆驼加油 Camel oil" summary:"Start a login now (SMS code from the Pig platform), in the background; 409 INVALID_STATE unless pending_login"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type AccountLoginRes struct {
	AccountItem
}

type AccountCheckReq struct {
	g.Meta `path:"/camel-oil/accounts/{id}/check" method:"post" tags:"骆驼加油 Camel oil" summary:"Ask the platform whether the account's token is still good; a rejected one sends the account back to pending_login"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type AccountCheckRes struct {
	AccountItem
	Valid bool `json:"valid"`
}

type AccountImportReq struct {
	g.Meta `path:"/camel-oil/accounts/import" method:"post" mime:"multipart/form-data" tags:"骆驼加油 Camel oil" summary:"Import accounts from .xlsx (first sheet) or UTF-8 .csv (multipart: file), at most 2 MB and 5,000 rows; header phone,password,dailyLimit,remark or 手机号,密码,每日上限,备注 (only phone required)" strict:"off" bodyLimit:"3MB"`
	File   *ghttp.UploadFile `json:"file" type:"file" v:"required"`
}

// ImportError is one refused row; row counts the header as row 1, as a spreadsheet shows it.
type ImportError struct {
	Row    int    `json:"row"`
	Reason string `json:"reason"`
}

type AccountImportRes struct {
	Created    int           `json:"created"`
	Duplicates int           `json:"duplicates" dc:"phones already in the pool (or earlier in the file)"`
	Failed     int           `json:"failed"`
	Errors     []ImportError `json:"errors"`
}

type AccountExportReq struct {
	g.Meta `path:"/camel-oil/accounts/export" method:"get" tags:"骆驼加油 Camel oil" summary:"Download the pool as .xlsx or .csv (never a password or a token)" raw:"true" mime:"application/octet-stream"`
	Format string `json:"format" d:"xlsx" v:"in:xlsx,csv"`
}

type AccountExportRes struct{}
