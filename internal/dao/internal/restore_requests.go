// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// RestoreRequestsDao is the data access object for the table restore_requests.
type RestoreRequestsDao struct {
	table    string                 // table is the underlying table name of the DAO.
	group    string                 // group is the database configuration group name of the current DAO.
	columns  RestoreRequestsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler     // handlers for customized model modification.
}

// RestoreRequestsColumns defines and stores column names for the table restore_requests.
type RestoreRequestsColumns struct {
	Id          string //
	BackupId    string //
	Target      string //
	Reason      string //
	Status      string //
	RequestedBy string //
	ApprovedBy  string //
	Error       string //
	CreatedAt   string //
	FinishedAt  string //
}

// restoreRequestsColumns holds the columns for the table restore_requests.
var restoreRequestsColumns = RestoreRequestsColumns{
	Id:          "id",
	BackupId:    "backup_id",
	Target:      "target",
	Reason:      "reason",
	Status:      "status",
	RequestedBy: "requested_by",
	ApprovedBy:  "approved_by",
	Error:       "error",
	CreatedAt:   "created_at",
	FinishedAt:  "finished_at",
}

// NewRestoreRequestsDao creates and returns a new DAO object for table data access.
func NewRestoreRequestsDao(handlers ...gdb.ModelHandler) *RestoreRequestsDao {
	return &RestoreRequestsDao{
		group:    "default",
		table:    "restore_requests",
		columns:  restoreRequestsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *RestoreRequestsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *RestoreRequestsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *RestoreRequestsDao) Columns() RestoreRequestsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *RestoreRequestsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *RestoreRequestsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *RestoreRequestsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
