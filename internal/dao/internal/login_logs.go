// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// LoginLogsDao is the data access object for the table login_logs.
type LoginLogsDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  LoginLogsColumns   // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// LoginLogsColumns defines and stores column names for the table login_logs.
type LoginLogsColumns struct {
	Id        string //
	UserId    string //
	Username  string //
	Ip        string //
	UserAgent string //
	Result    string //
	Reason    string //
	CreatedAt string //
	Location  string //
}

// loginLogsColumns holds the columns for the table login_logs.
var loginLogsColumns = LoginLogsColumns{
	Id:        "id",
	UserId:    "user_id",
	Username:  "username",
	Ip:        "ip",
	UserAgent: "user_agent",
	Result:    "result",
	Reason:    "reason",
	CreatedAt: "created_at",
	Location:  "location",
}

// NewLoginLogsDao creates and returns a new DAO object for table data access.
func NewLoginLogsDao(handlers ...gdb.ModelHandler) *LoginLogsDao {
	return &LoginLogsDao{
		group:    "default",
		table:    "login_logs",
		columns:  loginLogsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *LoginLogsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *LoginLogsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *LoginLogsDao) Columns() LoginLogsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *LoginLogsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *LoginLogsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *LoginLogsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
