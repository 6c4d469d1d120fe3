// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProxyReturnDao is the data access object for the table proxy_return.
type ProxyReturnDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  ProxyReturnColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// ProxyReturnColumns defines and stores column names for the table proxy_return.
type ProxyReturnColumns struct {
	Id              string //
	AgentId         string //
	ProductNo       string //
	FlowMb          string //
	ReturnAmount    string //
	ReturnAmountRaw string //
	CreditAmount    string //
	Remark          string //
	OperatorId      string //
	CreatedAt       string //
}

// proxyReturnColumns holds the columns for the table proxy_return.
var proxyReturnColumns = ProxyReturnColumns{
	Id:              "id",
	AgentId:         "agent_id",
	ProductNo:       "product_no",
	FlowMb:          "flow_mb",
	ReturnAmount:    "return_amount",
	ReturnAmountRaw: "return_amount_raw",
	CreditAmount:    "credit_amount",
	Remark:          "remark",
	OperatorId:      "operator_id",
	CreatedAt:       "created_at",
}

// NewProxyReturnDao creates and returns a new DAO object for table data access.
func NewProxyReturnDao(handlers ...gdb.ModelHandler) *ProxyReturnDao {
	return &ProxyReturnDao{
		group:    "default",
		table:    "proxy_return",
		columns:  proxyReturnColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProxyReturnDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProxyReturnDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProxyReturnDao) Columns() ProxyReturnColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProxyReturnDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProxyReturnDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProxyReturnDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
