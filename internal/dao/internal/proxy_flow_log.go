// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProxyFlowLogDao is the data access object for the table proxy_flow_log.
type ProxyFlowLogDao struct {
	table    string              // table is the underlying table name of the DAO.
	group    string              // group is the database configuration group name of the current DAO.
	columns  ProxyFlowLogColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler  // handlers for customized model modification.
}

// ProxyFlowLogColumns defines and stores column names for the table proxy_flow_log.
type ProxyFlowLogColumns struct {
	Id           string //
	AgentId      string //
	ProductNo    string //
	UsedAt       string //
	UsedBytes    string //
	TotalBytes   string //
	BalanceBytes string //
}

// proxyFlowLogColumns holds the columns for the table proxy_flow_log.
var proxyFlowLogColumns = ProxyFlowLogColumns{
	Id:           "id",
	AgentId:      "agent_id",
	ProductNo:    "product_no",
	UsedAt:       "used_at",
	UsedBytes:    "used_bytes",
	TotalBytes:   "total_bytes",
	BalanceBytes: "balance_bytes",
}

// NewProxyFlowLogDao creates and returns a new DAO object for table data access.
func NewProxyFlowLogDao(handlers ...gdb.ModelHandler) *ProxyFlowLogDao {
	return &ProxyFlowLogDao{
		group:    "default",
		table:    "proxy_flow_log",
		columns:  proxyFlowLogColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProxyFlowLogDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProxyFlowLogDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProxyFlowLogDao) Columns() ProxyFlowLogColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProxyFlowLogDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProxyFlowLogDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProxyFlowLogDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
