// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// OpenapiCalls is the golang structure of table openapi_calls for DAO operations like Where/Data.
type OpenapiCalls struct {
	g.Meta    `orm:"table:openapi_calls, do:true"`
	Id        any         //
	ProjectId any         //
	Day       any         //
	Endpoint  any         //
	Result    any         //
	Calls     any         //
	UpdatedAt *gtime.Time //
}
