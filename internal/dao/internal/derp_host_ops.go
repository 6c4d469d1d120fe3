// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpHostOpsDao is the data access object for the table derp_host_ops.
type DerpHostOpsDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  DerpHostOpsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// DerpHostOpsColumns defines and stores column names for the table derp_host_ops.
type DerpHostOpsColumns struct {
	Id          string //
	ServerId    string //
	ContainerId string //
	Op          string //
	TargetGen   string //
	State       string //
	Attempts    string //
	NextRunAt   string //
	LeaseOwner  string //
	LeaseUntil  string //
	LastError   string //
	CreatedAt   string //
	UpdatedAt   string //
}

// derpHostOpsColumns holds the columns for the table derp_host_ops.
var derpHostOpsColumns = DerpHostOpsColumns{
	Id:          "id",
	ServerId:    "server_id",
	ContainerId: "container_id",
	Op:          "op",
	TargetGen:   "target_gen",
	State:       "state",
	Attempts:    "attempts",
	NextRunAt:   "next_run_at",
	LeaseOwner:  "lease_owner",
	LeaseUntil:  "lease_until",
	LastError:   "last_error",
	CreatedAt:   "created_at",
	UpdatedAt:   "updated_at",
}

// NewDerpHostOpsDao creates and returns a new DAO object for table data access.
func NewDerpHostOpsDao(handlers ...gdb.ModelHandler) *DerpHostOpsDao {
	return &DerpHostOpsDao{
		group:    "default",
		table:    "derp_host_ops",
		columns:  derpHostOpsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpHostOpsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpHostOpsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpHostOpsDao) Columns() DerpHostOpsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpHostOpsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpHostOpsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpHostOpsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
