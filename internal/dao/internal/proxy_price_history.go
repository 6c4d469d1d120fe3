// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProxyPriceHistoryDao is the data access object for the table proxy_price_history.
type ProxyPriceHistoryDao struct {
	table    string                   // table is the underlying table name of the DAO.
	group    string                   // group is the database configuration group name of the current DAO.
	columns  ProxyPriceHistoryColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler       // handlers for customized model modification.
}

// ProxyPriceHistoryColumns defines and stores column names for the table proxy_price_history.
type ProxyPriceHistoryColumns struct {
	Id         string //
	ProductNo  string //
	AgentId    string //
	OldPrice   string //
	NewPrice   string //
	OperatorId string //
	CreatedAt  string //
}

// proxyPriceHistoryColumns holds the columns for the table proxy_price_history.
var proxyPriceHistoryColumns = ProxyPriceHistoryColumns{
	Id:         "id",
	ProductNo:  "product_no",
	AgentId:    "agent_id",
	OldPrice:   "old_price",
	NewPrice:   "new_price",
	OperatorId: "operator_id",
	CreatedAt:  "created_at",
}

// NewProxyPriceHistoryDao creates and returns a new DAO object for table data access.
func NewProxyPriceHistoryDao(handlers ...gdb.ModelHandler) *ProxyPriceHistoryDao {
	return &ProxyPriceHistoryDao{
		group:    "default",
		table:    "proxy_price_history",
		columns:  proxyPriceHistoryColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProxyPriceHistoryDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProxyPriceHistoryDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProxyPriceHistoryDao) Columns() ProxyPriceHistoryColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProxyPriceHistoryDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProxyPriceHistoryDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProxyPriceHistoryDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
