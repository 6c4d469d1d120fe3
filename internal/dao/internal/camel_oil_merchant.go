// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// CamelOilMerchantDao is the data access object for the table camel_oil_merchant.
type CamelOilMerchantDao struct {
	table    string                  // table is the underlying table name of the DAO.
	group    string                  // group is the database configuration group name of the current DAO.
	columns  CamelOilMerchantColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler      // handlers for customized model modification.
}

// CamelOilMerchantColumns defines and stores column names for the table camel_oil_merchant.
type CamelOilMerchantColumns struct {
	Id              string //
	Name            string //
	AppKey          string //
	AppSecret       string //
	PrevAppSecret   string //
	PrevSecretUntil string //
	WebhookSecret   string //
	NotifyUrl       string //
	RateLimit       string //
	IpAllowList     string //
	Status          string //
	Version         string //
	CreatedAt       string //
	UpdatedAt       string //
}

// camelOilMerchantColumns holds the columns for the table camel_oil_merchant.
var camelOilMerchantColumns = CamelOilMerchantColumns{
	Id:              "id",
	Name:            "name",
	AppKey:          "app_key",
	AppSecret:       "app_secret",
	PrevAppSecret:   "prev_app_secret",
	PrevSecretUntil: "prev_secret_until",
	WebhookSecret:   "webhook_secret",
	NotifyUrl:       "notify_url",
	RateLimit:       "rate_limit",
	IpAllowList:     "ip_allow_list",
	Status:          "status",
	Version:         "version",
	CreatedAt:       "created_at",
	UpdatedAt:       "updated_at",
}

// NewCamelOilMerchantDao creates and returns a new DAO object for table data access.
func NewCamelOilMerchantDao(handlers ...gdb.ModelHandler) *CamelOilMerchantDao {
	return &CamelOilMerchantDao{
		group:    "default",
		table:    "camel_oil_merchant",
		columns:  camelOilMerchantColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *CamelOilMerchantDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *CamelOilMerchantDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *CamelOilMerchantDao) Columns() CamelOilMerchantColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *CamelOilMerchantDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *CamelOilMerchantDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *CamelOilMerchantDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
