// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// SecurityEventsDao is the data access object for the table security_events.
type SecurityEventsDao struct {
	table    string                // table is the underlying table name of the DAO.
	group    string                // group is the database configuration group name of the current DAO.
	columns  SecurityEventsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler    // handlers for customized model modification.
}

// SecurityEventsColumns defines and stores column names for the table security_events.
type SecurityEventsColumns struct {
	Id        string //
	UserId    string //
	Username  string //
	Kind      string //
	Severity  string //
	Measure   string //
	Ip        string //
	Location  string //
	Detail    string //
	CreatedAt string //
}

// securityEventsColumns holds the columns for the table security_events.
var securityEventsColumns = SecurityEventsColumns{
	Id:        "id",
	UserId:    "user_id",
	Username:  "username",
	Kind:      "kind",
	Severity:  "severity",
	Measure:   "measure",
	Ip:        "ip",
	Location:  "location",
	Detail:    "detail",
	CreatedAt: "created_at",
}

// NewSecurityEventsDao creates and returns a new DAO object for table data access.
func NewSecurityEventsDao(handlers ...gdb.ModelHandler) *SecurityEventsDao {
	return &SecurityEventsDao{
		group:    "default",
		table:    "security_events",
		columns:  securityEventsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *SecurityEventsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *SecurityEventsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *SecurityEventsDao) Columns() SecurityEventsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *SecurityEventsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *SecurityEventsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *SecurityEventsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
