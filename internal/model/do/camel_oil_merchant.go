// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// CamelOilMerchant is the golang structure of table camel_oil_merchant for DAO operations like Where/Data.
type CamelOilMerchant struct {
	g.Meta          `orm:"table:camel_oil_merchant, do:true"`
	Id              any         //
	Name            any         //
	AppKey          any         //
	AppSecret       any         //
	PrevAppSecret   any         //
	PrevSecretUntil *gtime.Time //
	WebhookSecret   any         //
	NotifyUrl       any         //
	RateLimit       any         //
	IpAllowList     any         //
	Status          any         //
	Version         any         //
	CreatedAt       *gtime.Time //
	UpdatedAt       *gtime.Time //
}
