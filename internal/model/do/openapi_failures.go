// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// OpenapiFailures is the golang structure of table openapi_failures for DAO operations like Where/Data.
type OpenapiFailures struct {
	g.Meta      `orm:"table:openapi_failures, do:true"`
	Id          any         //
	ProjectId   any         //
	Endpoint    any         //
	Error       any         //
	HttpStatus  any         //
	Detail      any         //
	Ip          any         //
	Nonce       any         //
	RequestTime any         //
	CreatedAt   *gtime.Time //
}
