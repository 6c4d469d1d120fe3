// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// CardExports is the golang structure for table card_exports.
type CardExports struct {
	Id         int64       `json:"id"         orm:"id"          description:""`
	BatchId    int64       `json:"batchId"    orm:"batch_id"    description:""`
	ProjectId  int64       `json:"projectId"  orm:"project_id"  description:""`
	OperatorId int64       `json:"operatorId" orm:"operator_id" description:""`
	Format     string      `json:"format"     orm:"format"      description:""`
	RowCount   int         `json:"rowCount"   orm:"row_count"   description:""`
	Ip         string      `json:"ip"         orm:"ip"          description:""`
	CreatedAt  *gtime.Time `json:"createdAt"  orm:"created_at"  description:""`
}
