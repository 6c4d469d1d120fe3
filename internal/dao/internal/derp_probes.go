// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpProbesDao is the data access object for the table derp_probes.
type DerpProbesDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  DerpProbesColumns  // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// DerpProbesColumns defines and stores column names for the table derp_probes.
type DerpProbesColumns struct {
	Id          string //
	ServerId    string //
	ContainerId string //
	Kind        string //
	Ok          string //
	LatencyMs   string //
	Error       string //
	ProbedAt    string //
	CreatedAt   string //
	UpdatedAt   string //
}

// derpProbesColumns holds the columns for the table derp_probes.
var derpProbesColumns = DerpProbesColumns{
	Id:          "id",
	ServerId:    "server_id",
	ContainerId: "container_id",
	Kind:        "kind",
	Ok:          "ok",
	LatencyMs:   "latency_ms",
	Error:       "error",
	ProbedAt:    "probed_at",
	CreatedAt:   "created_at",
	UpdatedAt:   "updated_at",
}

// NewDerpProbesDao creates and returns a new DAO object for table data access.
func NewDerpProbesDao(handlers ...gdb.ModelHandler) *DerpProbesDao {
	return &DerpProbesDao{
		group:    "default",
		table:    "derp_probes",
		columns:  derpProbesColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpProbesDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpProbesDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpProbesDao) Columns() DerpProbesColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpProbesDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpProbesDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpProbesDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
