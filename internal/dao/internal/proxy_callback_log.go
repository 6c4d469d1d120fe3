// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProxyCallbackLogDao is the data access object for the table proxy_callback_log.
type ProxyCallbackLogDao struct {
	table    string                  // table is the underlying table name of the DAO.
	group    string                  // group is the database configuration group name of the current DAO.
	columns  ProxyCallbackLogColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler      // handlers for customized model modification.
}

// ProxyCallbackLogColumns defines and stores column names for the table proxy_callback_log.
type ProxyCallbackLogColumns struct {
	Id          string //
	Type        string //
	RefNo       string //
	Op          string //
	Ip          string //
	Query       string //
	Status      string //
	Attempts    string //
	LastError   string //
	CreatedAt   string //
	ProcessedAt string //
}

// proxyCallbackLogColumns holds the columns for the table proxy_callback_log.
var proxyCallbackLogColumns = ProxyCallbackLogColumns{
	Id:          "id",
	Type:        "type",
	RefNo:       "ref_no",
	Op:          "op",
	Ip:          "ip",
	Query:       "query",
	Status:      "status",
	Attempts:    "attempts",
	LastError:   "last_error",
	CreatedAt:   "created_at",
	ProcessedAt: "processed_at",
}

// NewProxyCallbackLogDao creates and returns a new DAO object for table data access.
func NewProxyCallbackLogDao(handlers ...gdb.ModelHandler) *ProxyCallbackLogDao {
	return &ProxyCallbackLogDao{
		group:    "default",
		table:    "proxy_callback_log",
		columns:  proxyCallbackLogColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProxyCallbackLogDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProxyCallbackLogDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProxyCallbackLogDao) Columns() ProxyCallbackLogColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProxyCallbackLogDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProxyCallbackLogDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProxyCallbackLogDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
