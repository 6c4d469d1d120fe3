// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProxyPoolDao is the data access object for the table proxy_pool.
type ProxyPoolDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  ProxyPoolColumns   // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// ProxyPoolColumns defines and stores column names for the table proxy_pool.
type ProxyPoolColumns struct {
	Id           string //
	AgentId      string //
	ProductNo    string //
	TotalBytes   string //
	UsedBytes    string //
	BalanceBytes string //
	Stale        string //
	SyncedAt     string //
}

// proxyPoolColumns holds the columns for the table proxy_pool.
var proxyPoolColumns = ProxyPoolColumns{
	Id:           "id",
	AgentId:      "agent_id",
	ProductNo:    "product_no",
	TotalBytes:   "total_bytes",
	UsedBytes:    "used_bytes",
	BalanceBytes: "balance_bytes",
	Stale:        "stale",
	SyncedAt:     "synced_at",
}

// NewProxyPoolDao creates and returns a new DAO object for table data access.
func NewProxyPoolDao(handlers ...gdb.ModelHandler) *ProxyPoolDao {
	return &ProxyPoolDao{
		group:    "default",
		table:    "proxy_pool",
		columns:  proxyPoolColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProxyPoolDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProxyPoolDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProxyPoolDao) Columns() ProxyPoolColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProxyPoolDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProxyPoolDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProxyPoolDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
