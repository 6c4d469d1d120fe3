// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// QuotaAlertsDao is the data access object for the table quota_alerts.
type QuotaAlertsDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  QuotaAlertsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// QuotaAlertsColumns defines and stores column names for the table quota_alerts.
type QuotaAlertsColumns struct {
	Id        string //
	Kind      string //
	UserId    string //
	Bucket    string //
	Expected  string //
	Actual    string //
	CreatedAt string //
}

// quotaAlertsColumns holds the columns for the table quota_alerts.
var quotaAlertsColumns = QuotaAlertsColumns{
	Id:        "id",
	Kind:      "kind",
	UserId:    "user_id",
	Bucket:    "bucket",
	Expected:  "expected",
	Actual:    "actual",
	CreatedAt: "created_at",
}

// NewQuotaAlertsDao creates and returns a new DAO object for table data access.
func NewQuotaAlertsDao(handlers ...gdb.ModelHandler) *QuotaAlertsDao {
	return &QuotaAlertsDao{
		group:    "default",
		table:    "quota_alerts",
		columns:  quotaAlertsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *QuotaAlertsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *QuotaAlertsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *QuotaAlertsDao) Columns() QuotaAlertsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *QuotaAlertsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *QuotaAlertsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *QuotaAlertsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
