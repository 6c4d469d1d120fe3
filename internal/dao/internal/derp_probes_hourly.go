// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpProbesHourlyDao is the data access object for the table derp_probes_hourly.
type DerpProbesHourlyDao struct {
	table    string                  // table is the underlying table name of the DAO.
	group    string                  // group is the database configuration group name of the current DAO.
	columns  DerpProbesHourlyColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler      // handlers for customized model modification.
}

// DerpProbesHourlyColumns defines and stores column names for the table derp_probes_hourly.
type DerpProbesHourlyColumns struct {
	ServerId    string //
	ContainerId string //
	BucketTs    string //
	Rounds      string //
	OkRounds    string //
	P50Ms       string //
	P95Ms       string //
	MaxMs       string //
	CreatedAt   string //
	UpdatedAt   string //
}

// derpProbesHourlyColumns holds the columns for the table derp_probes_hourly.
var derpProbesHourlyColumns = DerpProbesHourlyColumns{
	ServerId:    "server_id",
	ContainerId: "container_id",
	BucketTs:    "bucket_ts",
	Rounds:      "rounds",
	OkRounds:    "ok_rounds",
	P50Ms:       "p50_ms",
	P95Ms:       "p95_ms",
	MaxMs:       "max_ms",
	CreatedAt:   "created_at",
	UpdatedAt:   "updated_at",
}

// NewDerpProbesHourlyDao creates and returns a new DAO object for table data access.
func NewDerpProbesHourlyDao(handlers ...gdb.ModelHandler) *DerpProbesHourlyDao {
	return &DerpProbesHourlyDao{
		group:    "default",
		table:    "derp_probes_hourly",
		columns:  derpProbesHourlyColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpProbesHourlyDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpProbesHourlyDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpProbesHourlyDao) Columns() DerpProbesHourlyColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpProbesHourlyDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpProbesHourlyDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpProbesHourlyDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
