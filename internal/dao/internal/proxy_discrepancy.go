// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProxyDiscrepancyDao is the data access object for the table proxy_discrepancy.
type ProxyDiscrepancyDao struct {
	table    string                  // table is the underlying table name of the DAO.
	group    string                  // group is the database configuration group name of the current DAO.
	columns  ProxyDiscrepancyColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler      // handlers for customized model modification.
}

// ProxyDiscrepancyColumns defines and stores column names for the table proxy_discrepancy.
type ProxyDiscrepancyColumns struct {
	Id         string //
	Kind       string //
	Subject    string //
	Detail     string //
	Status     string //
	Resolution string //
	Remark     string //
	ResolvedBy string //
	CreatedAt  string //
	ResolvedAt string //
}

// proxyDiscrepancyColumns holds the columns for the table proxy_discrepancy.
var proxyDiscrepancyColumns = ProxyDiscrepancyColumns{
	Id:         "id",
	Kind:       "kind",
	Subject:    "subject",
	Detail:     "detail",
	Status:     "status",
	Resolution: "resolution",
	Remark:     "remark",
	ResolvedBy: "resolved_by",
	CreatedAt:  "created_at",
	ResolvedAt: "resolved_at",
}

// NewProxyDiscrepancyDao creates and returns a new DAO object for table data access.
func NewProxyDiscrepancyDao(handlers ...gdb.ModelHandler) *ProxyDiscrepancyDao {
	return &ProxyDiscrepancyDao{
		group:    "default",
		table:    "proxy_discrepancy",
		columns:  proxyDiscrepancyColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProxyDiscrepancyDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProxyDiscrepancyDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProxyDiscrepancyDao) Columns() ProxyDiscrepancyColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProxyDiscrepancyDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProxyDiscrepancyDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProxyDiscrepancyDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
