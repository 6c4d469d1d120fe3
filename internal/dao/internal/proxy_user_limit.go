// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProxyUserLimitDao is the data access object for the table proxy_user_limit.
type ProxyUserLimitDao struct {
	table    string                // table is the underlying table name of the DAO.
	group    string                // group is the database configuration group name of the current DAO.
	columns  ProxyUserLimitColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler    // handlers for customized model modification.
}

// ProxyUserLimitColumns defines and stores column names for the table proxy_user_limit.
type ProxyUserLimitColumns struct {
	Id         string //
	UserId     string //
	ProductNo  string //
	LimitBytes string //
	Pushed     string //
	PushedAt   string //
	LastError  string //
	UpdatedAt  string //
}

// proxyUserLimitColumns holds the columns for the table proxy_user_limit.
var proxyUserLimitColumns = ProxyUserLimitColumns{
	Id:         "id",
	UserId:     "user_id",
	ProductNo:  "product_no",
	LimitBytes: "limit_bytes",
	Pushed:     "pushed",
	PushedAt:   "pushed_at",
	LastError:  "last_error",
	UpdatedAt:  "updated_at",
}

// NewProxyUserLimitDao creates and returns a new DAO object for table data access.
func NewProxyUserLimitDao(handlers ...gdb.ModelHandler) *ProxyUserLimitDao {
	return &ProxyUserLimitDao{
		group:    "default",
		table:    "proxy_user_limit",
		columns:  proxyUserLimitColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProxyUserLimitDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProxyUserLimitDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProxyUserLimitDao) Columns() ProxyUserLimitColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProxyUserLimitDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProxyUserLimitDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProxyUserLimitDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
