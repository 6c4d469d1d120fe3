// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// CamelOilOrderDao is the data access object for the table camel_oil_order.
type CamelOilOrderDao struct {
	table    string               // table is the underlying table name of the DAO.
	group    string               // group is the database configuration group name of the current DAO.
	columns  CamelOilOrderColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler   // handlers for customized model modification.
}

// CamelOilOrderColumns defines and stores column names for the table camel_oil_order.
type CamelOilOrderColumns struct {
	Id              string //
	OrderNo         string //
	MerchantId      string //
	MerchantOrderNo string //
	AccountId       string //
	Amount          string //
	PlatformOrderNo string //
	PayUrl          string //
	Status          string //
	ExpireAt        string //
	PaidAt          string //
	Attach          string //
	NotifyStatus    string //
	NotifyCount     string //
	NextCheckAt     string //
	CheckCount      string //
	Version         string //
	CreatedAt       string //
	UpdatedAt       string //
}

// camelOilOrderColumns holds the columns for the table camel_oil_order.
var camelOilOrderColumns = CamelOilOrderColumns{
	Id:              "id",
	OrderNo:         "order_no",
	MerchantId:      "merchant_id",
	MerchantOrderNo: "merchant_order_no",
	AccountId:       "account_id",
	Amount:          "amount",
	PlatformOrderNo: "platform_order_no",
	PayUrl:          "pay_url",
	Status:          "status",
	ExpireAt:        "expire_at",
	PaidAt:          "paid_at",
	Attach:          "attach",
	NotifyStatus:    "notify_status",
	NotifyCount:     "notify_count",
	NextCheckAt:     "next_check_at",
	CheckCount:      "check_count",
	Version:         "version",
	CreatedAt:       "created_at",
	UpdatedAt:       "updated_at",
}

// NewCamelOilOrderDao creates and returns a new DAO object for table data access.
func NewCamelOilOrderDao(handlers ...gdb.ModelHandler) *CamelOilOrderDao {
	return &CamelOilOrderDao{
		group:    "default",
		table:    "camel_oil_order",
		columns:  camelOilOrderColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *CamelOilOrderDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *CamelOilOrderDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *CamelOilOrderDao) Columns() CamelOilOrderColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *CamelOilOrderDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *CamelOilOrderDao) Ctx(ctx context.Context) *gdb.Model {
	model := dao.DB().Model(dao.table)
	for _, handler := range dao.handlers {
		model = handler(model)
	}
	return model.Safe().Ctx(ctx)
}

// Transaction wraps the transaction logic using function f.
// It rolls back the transaction and returns the error if function f returns a non-nil error.
// It commits the transaction and returns nil if function f returns nil.
//
// Note: Do not commit or roll back the transaction in function f,
// as it is automatically handled by this function.
func (dao *CamelOilOrderDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
