// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// CamelOilOrder is the golang structure of table camel_oil_order for DAO operations like Where/Data.
type CamelOilOrder struct {
	g.Meta          `orm:"table:camel_oil_order, do:true"`
	Id              any         //
	OrderNo         any         //
	MerchantId      any         //
	MerchantOrderNo any         //
	AccountId       any         //
	Amount          any         //
	PlatformOrderNo any         //
	PayUrl          any         //
	Status          any         //
	ExpireAt        *gtime.Time //
	PaidAt          *gtime.Time //
	Attach          any         //
	NotifyStatus    any         //
	NotifyCount     any         //
	NextCheckAt     *gtime.Time //
	CheckCount      any         //
	Version         any         //
	CreatedAt       *gtime.Time //
	UpdatedAt       *gtime.Time //
}
