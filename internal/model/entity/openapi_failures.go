// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// OpenapiFailures is the golang structure for table openapi_failures.
type OpenapiFailures struct {
	Id          int64       `json:"id"          orm:"id"           description:""`
	ProjectId   int64       `json:"projectId"   orm:"project_id"   description:""`
	Endpoint    string      `json:"endpoint"    orm:"endpoint"     description:""`
	Error       string      `json:"error"       orm:"error"        description:""`
	HttpStatus  int         `json:"httpStatus"  orm:"http_status"  description:""`
	Detail      string      `json:"detail"      orm:"detail"       description:""`
	Ip          string      `json:"ip"          orm:"ip"           description:""`
	Nonce       string      `json:"nonce"       orm:"nonce"        description:""`
	RequestTime int64       `json:"requestTime" orm:"request_time" description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"   description:""`
}
