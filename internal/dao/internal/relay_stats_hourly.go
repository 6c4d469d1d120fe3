// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// RelayStatsHourlyDao is the data access object for the table relay_stats_hourly.
type RelayStatsHourlyDao struct {
	table    string                  // table is the underlying table name of the DAO.
	group    string                  // group is the database configuration group name of the current DAO.
	columns  RelayStatsHourlyColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler      // handlers for customized model modification.
}

// RelayStatsHourlyColumns defines and stores column names for the table relay_stats_hourly.
type RelayStatsHourlyColumns struct {
	Hour             string //
	UserId           string //
	Model            string //
	ChannelId        string //
	Requests         string //
	Success          string //
	Failed           string //
	PromptTokens     string //
	CompletionTokens string //
	Quota            string //
	UpdatedAt        string //
}

// relayStatsHourlyColumns holds the columns for the table relay_stats_hourly.
var relayStatsHourlyColumns = RelayStatsHourlyColumns{
	Hour:             "hour",
	UserId:           "user_id",
	Model:            "model",
	ChannelId:        "channel_id",
	Requests:         "requests",
	Success:          "success",
	Failed:           "failed",
	PromptTokens:     "prompt_tokens",
	CompletionTokens: "completion_tokens",
	Quota:            "quota",
	UpdatedAt:        "updated_at",
}

// NewRelayStatsHourlyDao creates and returns a new DAO object for table data access.
func NewRelayStatsHourlyDao(handlers ...gdb.ModelHandler) *RelayStatsHourlyDao {
	return &RelayStatsHourlyDao{
		group:    "default",
		table:    "relay_stats_hourly",
		columns:  relayStatsHourlyColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *RelayStatsHourlyDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *RelayStatsHourlyDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *RelayStatsHourlyDao) Columns() RelayStatsHourlyColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *RelayStatsHourlyDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *RelayStatsHourlyDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *RelayStatsHourlyDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
