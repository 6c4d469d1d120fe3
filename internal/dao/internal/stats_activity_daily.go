// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// StatsActivityDailyDao is the data access object for the table stats_activity_daily.
type StatsActivityDailyDao struct {
	table    string                    // table is the underlying table name of the DAO.
	group    string                    // group is the database configuration group name of the current DAO.
	columns  StatsActivityDailyColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler        // handlers for customized model modification.
}

// StatsActivityDailyColumns defines and stores column names for the table stats_activity_daily.
type StatsActivityDailyColumns struct {
	Day           string //
	UserId        string //
	Logins        string //
	Operations    string //
	OnlineSeconds string //
}

// statsActivityDailyColumns holds the columns for the table stats_activity_daily.
var statsActivityDailyColumns = StatsActivityDailyColumns{
	Day:           "day",
	UserId:        "user_id",
	Logins:        "logins",
	Operations:    "operations",
	OnlineSeconds: "online_seconds",
}

// NewStatsActivityDailyDao creates and returns a new DAO object for table data access.
func NewStatsActivityDailyDao(handlers ...gdb.ModelHandler) *StatsActivityDailyDao {
	return &StatsActivityDailyDao{
		group:    "default",
		table:    "stats_activity_daily",
		columns:  statsActivityDailyColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *StatsActivityDailyDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *StatsActivityDailyDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *StatsActivityDailyDao) Columns() StatsActivityDailyColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *StatsActivityDailyDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *StatsActivityDailyDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *StatsActivityDailyDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
