// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// CamelOilOrderHistory is the golang structure for table camel_oil_order_history.
type CamelOilOrderHistory struct {
	Id         int64       `json:"id"         orm:"id"          description:""`
	OrderId    int64       `json:"orderId"    orm:"order_id"    description:""`
	FromStatus string      `json:"fromStatus" orm:"from_status" description:""`
	ToStatus   string      `json:"toStatus"   orm:"to_status"   description:""`
	Reason     string      `json:"reason"     orm:"reason"      description:""`
	OperatorId int64       `json:"operatorId" orm:"operator_id" description:""`
	CreatedAt  *gtime.Time `json:"createdAt"  orm:"created_at"  description:""`
}
