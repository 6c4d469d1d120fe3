// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// OperationLogsDao is the data access object for the table operation_logs.
type OperationLogsDao struct {
	table    string               // table is the underlying table name of the DAO.
	group    string               // group is the database configuration group name of the current DAO.
	columns  OperationLogsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler   // handlers for customized model modification.
}

// OperationLogsColumns defines and stores column names for the table operation_logs.
type OperationLogsColumns struct {
	Id        string //
	UserId    string //
	Username  string //
	Module    string //
	Route     string //
	Method    string //
	Path      string //
	Status    string //
	Code      string //
	LatencyMs string //
	TraceId   string //
	Ip        string //
	UserAgent string //
	Request   string //
	Error     string //
	CreatedAt string //
}

// operationLogsColumns holds the columns for the table operation_logs.
var operationLogsColumns = OperationLogsColumns{
	Id:        "id",
	UserId:    "user_id",
	Username:  "username",
	Module:    "module",
	Route:     "route",
	Method:    "method",
	Path:      "path",
	Status:    "status",
	Code:      "code",
	LatencyMs: "latency_ms",
	TraceId:   "trace_id",
	Ip:        "ip",
	UserAgent: "user_agent",
	Request:   "request",
	Error:     "error",
	CreatedAt: "created_at",
}

// NewOperationLogsDao creates and returns a new DAO object for table data access.
func NewOperationLogsDao(handlers ...gdb.ModelHandler) *OperationLogsDao {
	return &OperationLogsDao{
		group:    "default",
		table:    "operation_logs",
		columns:  operationLogsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *OperationLogsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *OperationLogsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *OperationLogsDao) Columns() OperationLogsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *OperationLogsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *OperationLogsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *OperationLogsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
