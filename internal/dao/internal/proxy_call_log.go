// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProxyCallLogDao is the data access object for the table proxy_call_log.
type ProxyCallLogDao struct {
	table    string              // table is the underlying table name of the DAO.
	group    string              // group is the database configuration group name of the current DAO.
	columns  ProxyCallLogColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler  // handlers for customized model modification.
}

// ProxyCallLogColumns defines and stores column names for the table proxy_call_log.
type ProxyCallLogColumns struct {
	Id         string //
	Path       string //
	ReqId      string //
	AppOrderNo string //
	Ms         string //
	HttpStatus string //
	Code       string //
	Msg        string //
	CreatedAt  string //
}

// proxyCallLogColumns holds the columns for the table proxy_call_log.
var proxyCallLogColumns = ProxyCallLogColumns{
	Id:         "id",
	Path:       "path",
	ReqId:      "req_id",
	AppOrderNo: "app_order_no",
	Ms:         "ms",
	HttpStatus: "http_status",
	Code:       "code",
	Msg:        "msg",
	CreatedAt:  "created_at",
}

// NewProxyCallLogDao creates and returns a new DAO object for table data access.
func NewProxyCallLogDao(handlers ...gdb.ModelHandler) *ProxyCallLogDao {
	return &ProxyCallLogDao{
		group:    "default",
		table:    "proxy_call_log",
		columns:  proxyCallLogColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProxyCallLogDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProxyCallLogDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProxyCallLogDao) Columns() ProxyCallLogColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProxyCallLogDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProxyCallLogDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProxyCallLogDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
