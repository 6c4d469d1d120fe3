// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// StatsActivityHourlyDao is the data access object for the table stats_activity_hourly.
type StatsActivityHourlyDao struct {
	table    string                     // table is the underlying table name of the DAO.
	group    string                     // group is the database configuration group name of the current DAO.
	columns  StatsActivityHourlyColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler         // handlers for customized model modification.
}

// StatsActivityHourlyColumns defines and stores column names for the table stats_activity_hourly.
type StatsActivityHourlyColumns struct {
	Day        string //
	Hour       string //
	UserId     string //
	Logins     string //
	Operations string //
}

// statsActivityHourlyColumns holds the columns for the table stats_activity_hourly.
var statsActivityHourlyColumns = StatsActivityHourlyColumns{
	Day:        "day",
	Hour:       "hour",
	UserId:     "user_id",
	Logins:     "logins",
	Operations: "operations",
}

// NewStatsActivityHourlyDao creates and returns a new DAO object for table data access.
func NewStatsActivityHourlyDao(handlers ...gdb.ModelHandler) *StatsActivityHourlyDao {
	return &StatsActivityHourlyDao{
		group:    "default",
		table:    "stats_activity_hourly",
		columns:  statsActivityHourlyColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *StatsActivityHourlyDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *StatsActivityHourlyDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *StatsActivityHourlyDao) Columns() StatsActivityHourlyColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *StatsActivityHourlyDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *StatsActivityHourlyDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *StatsActivityHourlyDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
