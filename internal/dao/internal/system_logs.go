// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// SystemLogsDao is the data access object for the table system_logs.
type SystemLogsDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  SystemLogsColumns  // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// SystemLogsColumns defines and stores column names for the table system_logs.
type SystemLogsColumns struct {
	Id        string //
	Level     string //
	Module    string //
	Message   string //
	TraceId   string //
	Node      string //
	CreatedAt string //
}

// systemLogsColumns holds the columns for the table system_logs.
var systemLogsColumns = SystemLogsColumns{
	Id:        "id",
	Level:     "level",
	Module:    "module",
	Message:   "message",
	TraceId:   "trace_id",
	Node:      "node",
	CreatedAt: "created_at",
}

// NewSystemLogsDao creates and returns a new DAO object for table data access.
func NewSystemLogsDao(handlers ...gdb.ModelHandler) *SystemLogsDao {
	return &SystemLogsDao{
		group:    "default",
		table:    "system_logs",
		columns:  systemLogsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *SystemLogsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *SystemLogsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *SystemLogsDao) Columns() SystemLogsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *SystemLogsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *SystemLogsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *SystemLogsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
