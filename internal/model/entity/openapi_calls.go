// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// OpenapiCalls is the golang structure for table openapi_calls.
type OpenapiCalls struct {
	Id        int64       `json:"id"        orm:"id"         description:""`
	ProjectId int64       `json:"projectId" orm:"project_id" description:""`
	Day       string      `json:"day"       orm:"day"        description:""`
	Endpoint  string      `json:"endpoint"  orm:"endpoint"   description:""`
	Result    string      `json:"result"    orm:"result"     description:""`
	Calls     int64       `json:"calls"     orm:"calls"      description:""`
	UpdatedAt *gtime.Time `json:"updatedAt" orm:"updated_at" description:""`
}
