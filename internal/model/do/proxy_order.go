// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyOrder is the golang structure of table proxy_order for DAO operations like Where/Data.
type ProxyOrder struct {
	g.Meta          `orm:"table:proxy_order, do:true"`
	Id              any         //
	AppOrderNo      any         //
	ReqId           any         //
	Kind            any         //
	Status          any         //
	AgentId         any         //
	UserId          any         //
	ProductNo       any         //
	Quantity        any         //
	CycleTimes      any         //
	UnitPrice       any         //
	SaleAmount      any         //
	ChargedAmount   any         //
	RefundAmount    any         //
	CostAmount      any         //
	SuccessCount    any         //
	ReservationId   any         //
	UpstreamPath    any         //
	RequestBody     any         //
	UpstreamOrderNo any         //
	UpstreamStatus  any         //
	InstanceNos     any         //
	LastError       any         //
	Sends           any         //
	Checks          any         //
	NextCheckAt     *gtime.Time //
	Version         any         //
	CreatedAt       *gtime.Time //
	UpdatedAt       *gtime.Time //
	FinishedAt      *gtime.Time //
	AutoRenew       any         //
}
