// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// CamelOilAccount is the golang structure of table camel_oil_account for DAO operations like Where/Data.
type CamelOilAccount struct {
	g.Meta          `orm:"table:camel_oil_account, do:true"`
	Id              any         //
	Phone           any         //
	PhoneKey        any         //
	Password        any         //
	Token           any         //
	TokenExpireAt   *gtime.Time //
	Status          any         //
	DailyLimit      any         //
	DailyDate       any         //
	DailyOrderCount any         //
	DailyPaidCount  any         //
	TotalOrderCount any         //
	TotalPaidAmount any         //
	LastUsedAt      *gtime.Time //
	LastLoginAt     *gtime.Time //
	StatusChangedAt *gtime.Time //
	FailCount       any         //
	FailureReason   any         //
	Remark          any         //
	Version         any         //
	CreatedAt       *gtime.Time //
	UpdatedAt       *gtime.Time //
	DeletedAt       *gtime.Time //
}
