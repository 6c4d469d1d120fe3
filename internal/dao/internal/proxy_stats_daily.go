// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProxyStatsDailyDao is the data access object for the table proxy_stats_daily.
type ProxyStatsDailyDao struct {
	table    string                 // table is the underlying table name of the DAO.
	group    string                 // group is the database configuration group name of the current DAO.
	columns  ProxyStatsDailyColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler     // handlers for customized model modification.
}

// ProxyStatsDailyColumns defines and stores column names for the table proxy_stats_daily.
type ProxyStatsDailyColumns struct {
	Id            string //
	Day           string //
	AgentId       string //
	ProductNo     string //
	Kind          string //
	Orders        string //
	Success       string //
	SaleAmount    string //
	ChargedAmount string //
	CostAmount    string //
	FlowBytes     string //
	Instances     string //
	UpdatedAt     string //
}

// proxyStatsDailyColumns holds the columns for the table proxy_stats_daily.
var proxyStatsDailyColumns = ProxyStatsDailyColumns{
	Id:            "id",
	Day:           "day",
	AgentId:       "agent_id",
	ProductNo:     "product_no",
	Kind:          "kind",
	Orders:        "orders",
	Success:       "success",
	SaleAmount:    "sale_amount",
	ChargedAmount: "charged_amount",
	CostAmount:    "cost_amount",
	FlowBytes:     "flow_bytes",
	Instances:     "instances",
	UpdatedAt:     "updated_at",
}

// NewProxyStatsDailyDao creates and returns a new DAO object for table data access.
func NewProxyStatsDailyDao(handlers ...gdb.ModelHandler) *ProxyStatsDailyDao {
	return &ProxyStatsDailyDao{
		group:    "default",
		table:    "proxy_stats_daily",
		columns:  proxyStatsDailyColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProxyStatsDailyDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProxyStatsDailyDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProxyStatsDailyDao) Columns() ProxyStatsDailyColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProxyStatsDailyDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProxyStatsDailyDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProxyStatsDailyDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
