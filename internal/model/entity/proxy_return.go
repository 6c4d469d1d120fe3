// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyReturn is the golang structure for table proxy_return.
type ProxyReturn struct {
	Id              int64       `json:"id"              orm:"id"                description:""`
	AgentId         int64       `json:"agentId"         orm:"agent_id"          description:""`
	ProductNo       string      `json:"productNo"       orm:"product_no"        description:""`
	FlowMb          int64       `json:"flowMb"          orm:"flow_mb"           description:""`
	ReturnAmount    int64       `json:"returnAmount"    orm:"return_amount"     description:""`
	ReturnAmountRaw string      `json:"returnAmountRaw" orm:"return_amount_raw" description:""`
	CreditAmount    int64       `json:"creditAmount"    orm:"credit_amount"     description:""`
	Remark          string      `json:"remark"          orm:"remark"            description:""`
	OperatorId      int64       `json:"operatorId"      orm:"operator_id"       description:""`
	CreatedAt       *gtime.Time `json:"createdAt"       orm:"created_at"        description:""`
}
