// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyProduct is the golang structure of table proxy_product for DAO operations like Where/Data.
type ProxyProduct struct {
	g.Meta           `orm:"table:proxy_product, do:true"`
	Id               any         //
	ProductNo        any         //
	Name             any         //
	DisplayName      any         //
	ProxyType        any         //
	Kind             any         //
	CountryCode      any         //
	StateCode        any         //
	CityCode         any         //
	Unit             any         //
	Duration         any         //
	Inventory        any         //
	DrawType         any         //
	AssignIp         any         //
	IpCount          any         //
	RefundDuration   any         //
	FlowBase         any         //
	CapIpWhiteList   any         //
	CapPwdDraw       any         //
	CapUserFlowLimit any         //
	CapFlowUseLog    any         //
	UpstreamEnable   any         //
	UpstreamStatus   any         //
	CostPrice        any         //
	CostPriceRaw     any         //
	SalePrice        any         //
	Sellable         any         //
	Sort             any         //
	RawHash          any         //
	Version          any         //
	SyncedAt         *gtime.Time //
	CreatedAt        *gtime.Time //
	UpdatedAt        *gtime.Time //
}
