// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyOrder is the golang structure for table proxy_order.
type ProxyOrder struct {
	Id              int64       `json:"id"              orm:"id"                description:""`
	AppOrderNo      string      `json:"appOrderNo"      orm:"app_order_no"      description:""`
	ReqId           string      `json:"reqId"           orm:"req_id"            description:""`
	Kind            string      `json:"kind"            orm:"kind"              description:""`
	Status          string      `json:"status"          orm:"status"            description:""`
	AgentId         int64       `json:"agentId"         orm:"agent_id"          description:""`
	UserId          int64       `json:"userId"          orm:"user_id"           description:""`
	ProductNo       string      `json:"productNo"       orm:"product_no"        description:""`
	Quantity        int         `json:"quantity"        orm:"quantity"          description:""`
	CycleTimes      int         `json:"cycleTimes"      orm:"cycle_times"       description:""`
	UnitPrice       int64       `json:"unitPrice"       orm:"unit_price"        description:""`
	SaleAmount      int64       `json:"saleAmount"      orm:"sale_amount"       description:""`
	ChargedAmount   int64       `json:"chargedAmount"   orm:"charged_amount"    description:""`
	RefundAmount    int64       `json:"refundAmount"    orm:"refund_amount"     description:""`
	CostAmount      int64       `json:"costAmount"      orm:"cost_amount"       description:""`
	SuccessCount    int         `json:"successCount"    orm:"success_count"     description:""`
	ReservationId   int64       `json:"reservationId"   orm:"reservation_id"    description:""`
	UpstreamPath    string      `json:"upstreamPath"    orm:"upstream_path"     description:""`
	RequestBody     string      `json:"requestBody"     orm:"request_body"      description:""`
	UpstreamOrderNo string      `json:"upstreamOrderNo" orm:"upstream_order_no" description:""`
	UpstreamStatus  int         `json:"upstreamStatus"  orm:"upstream_status"   description:""`
	InstanceNos     string      `json:"instanceNos"     orm:"instance_nos"      description:""`
	LastError       string      `json:"lastError"       orm:"last_error"        description:""`
	Sends           int         `json:"sends"           orm:"sends"             description:""`
	Checks          int         `json:"checks"          orm:"checks"            description:""`
	NextCheckAt     *gtime.Time `json:"nextCheckAt"     orm:"next_check_at"     description:""`
	Version         int64       `json:"version"         orm:"version"           description:""`
	CreatedAt       *gtime.Time `json:"createdAt"       orm:"created_at"        description:""`
	UpdatedAt       *gtime.Time `json:"updatedAt"       orm:"updated_at"        description:""`
	FinishedAt      *gtime.Time `json:"finishedAt"      orm:"finished_at"       description:""`
	AutoRenew       int         `json:"autoRenew"       orm:"auto_renew"        description:""`
}
