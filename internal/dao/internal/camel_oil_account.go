// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// CamelOilAccountDao is the data access object for the table camel_oil_account.
type CamelOilAccountDao struct {
	table    string                 // table is the underlying table name of the DAO.
	group    string                 // group is the database configuration group name of the current DAO.
	columns  CamelOilAccountColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler     // handlers for customized model modification.
}

// CamelOilAccountColumns defines and stores column names for the table camel_oil_account.
type CamelOilAccountColumns struct {
	Id              string //
	Phone           string //
	PhoneKey        string //
	Password        string //
	Token           string //
	TokenExpireAt   string //
	Status          string //
	DailyLimit      string //
	DailyDate       string //
	DailyOrderCount string //
	DailyPaidCount  string //
	TotalOrderCount string //
	TotalPaidAmount string //
	LastUsedAt      string //
	LastLoginAt     string //
	StatusChangedAt string //
	FailCount       string //
	FailureReason   string //
	Remark          string //
	Version         string //
	CreatedAt       string //
	UpdatedAt       string //
	DeletedAt       string //
}

// camelOilAccountColumns holds the columns for the table camel_oil_account.
var camelOilAccountColumns = CamelOilAccountColumns{
	Id:              "id",
	Phone:           "phone",
	PhoneKey:        "phone_key",
	Password:        "password",
	Token:           "token",
	TokenExpireAt:   "token_expire_at",
	Status:          "status",
	DailyLimit:      "daily_limit",
	DailyDate:       "daily_date",
	DailyOrderCount: "daily_order_count",
	DailyPaidCount:  "daily_paid_count",
	TotalOrderCount: "total_order_count",
	TotalPaidAmount: "total_paid_amount",
	LastUsedAt:      "last_used_at",
	LastLoginAt:     "last_login_at",
	StatusChangedAt: "status_changed_at",
	FailCount:       "fail_count",
	FailureReason:   "failure_reason",
	Remark:          "remark",
	Version:         "version",
	CreatedAt:       "created_at",
	UpdatedAt:       "updated_at",
	DeletedAt:       "deleted_at",
}

// NewCamelOilAccountDao creates and returns a new DAO object for table data access.
func NewCamelOilAccountDao(handlers ...gdb.ModelHandler) *CamelOilAccountDao {
	return &CamelOilAccountDao{
		group:    "default",
		table:    "camel_oil_account",
		columns:  camelOilAccountColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *CamelOilAccountDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *CamelOilAccountDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *CamelOilAccountDao) Columns() CamelOilAccountColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *CamelOilAccountDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *CamelOilAccountDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *CamelOilAccountDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
