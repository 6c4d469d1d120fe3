// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// SecurityLocksDao is the data access object for the table security_locks.
type SecurityLocksDao struct {
	table    string               // table is the underlying table name of the DAO.
	group    string               // group is the database configuration group name of the current DAO.
	columns  SecurityLocksColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler   // handlers for customized model modification.
}

// SecurityLocksColumns defines and stores column names for the table security_locks.
type SecurityLocksColumns struct {
	Id        string //
	UserId    string //
	EventId   string //
	Reason    string //
	LockedAt  string //
	ExpiresAt string //
	LiftedAt  string //
	LiftedBy  string //
}

// securityLocksColumns holds the columns for the table security_locks.
var securityLocksColumns = SecurityLocksColumns{
	Id:        "id",
	UserId:    "user_id",
	EventId:   "event_id",
	Reason:    "reason",
	LockedAt:  "locked_at",
	ExpiresAt: "expires_at",
	LiftedAt:  "lifted_at",
	LiftedBy:  "lifted_by",
}

// NewSecurityLocksDao creates and returns a new DAO object for table data access.
func NewSecurityLocksDao(handlers ...gdb.ModelHandler) *SecurityLocksDao {
	return &SecurityLocksDao{
		group:    "default",
		table:    "security_locks",
		columns:  securityLocksColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *SecurityLocksDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *SecurityLocksDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *SecurityLocksDao) Columns() SecurityLocksColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *SecurityLocksDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *SecurityLocksDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *SecurityLocksDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
