// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyCallLog is the golang structure for table proxy_call_log.
type ProxyCallLog struct {
	Id         int64       `json:"id"         orm:"id"           description:""`
	Path       string      `json:"path"       orm:"path"         description:""`
	ReqId      string      `json:"reqId"      orm:"req_id"       description:""`
	AppOrderNo string      `json:"appOrderNo" orm:"app_order_no" description:""`
	Ms         int         `json:"ms"         orm:"ms"           description:""`
	HttpStatus int         `json:"httpStatus" orm:"http_status"  description:""`
	Code       int         `json:"code"       orm:"code"         description:""`
	Msg        string      `json:"msg"        orm:"msg"          description:""`
	CreatedAt  *gtime.Time `json:"createdAt"  orm:"created_at"   description:""`
}
