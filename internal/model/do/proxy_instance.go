// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyInstance is the golang structure of table proxy_instance for DAO operations like Where/Data.
type ProxyInstance struct {
	g.Meta      `orm:"table:proxy_instance, do:true"`
	Id          any         //
	InstanceNo  any         //
	AgentId     any         //
	UserId      any         //
	OrderId     any         //
	ProductNo   any         //
	ProxyType   any         //
	Protocol    any         //
	Ip          any         //
	Port        any         //
	Username    any         //
	Password    any         //
	CountryCode any         //
	CityCode    any         //
	Status      any         //
	ExpiresAt   *gtime.Time //
	AutoRenew   any         //
	BusyOrderId any         //
	Remark      any         //
	ReleasedAt  *gtime.Time //
	RemindedFor *gtime.Time //
	RenewedFor  *gtime.Time //
	Version     any         //
	CreatedAt   *gtime.Time //
	UpdatedAt   *gtime.Time //
}
