// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// RelayChannelKeysDao is the data access object for the table relay_channel_keys.
type RelayChannelKeysDao struct {
	table    string                  // table is the underlying table name of the DAO.
	group    string                  // group is the database configuration group name of the current DAO.
	columns  RelayChannelKeysColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler      // handlers for customized model modification.
}

// RelayChannelKeysColumns defines and stores column names for the table relay_channel_keys.
type RelayChannelKeysColumns struct {
	Id             string //
	ChannelId      string //
	Secret         string //
	Hint           string //
	Status         string //
	StatusReason   string //
	ProbeSuccesses string //
	CreatedAt      string //
	UpdatedAt      string //
}

// relayChannelKeysColumns holds the columns for the table relay_channel_keys.
var relayChannelKeysColumns = RelayChannelKeysColumns{
	Id:             "id",
	ChannelId:      "channel_id",
	Secret:         "secret",
	Hint:           "hint",
	Status:         "status",
	StatusReason:   "status_reason",
	ProbeSuccesses: "probe_successes",
	CreatedAt:      "created_at",
	UpdatedAt:      "updated_at",
}

// NewRelayChannelKeysDao creates and returns a new DAO object for table data access.
func NewRelayChannelKeysDao(handlers ...gdb.ModelHandler) *RelayChannelKeysDao {
	return &RelayChannelKeysDao{
		group:    "default",
		table:    "relay_channel_keys",
		columns:  relayChannelKeysColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *RelayChannelKeysDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *RelayChannelKeysDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *RelayChannelKeysDao) Columns() RelayChannelKeysColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *RelayChannelKeysDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *RelayChannelKeysDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *RelayChannelKeysDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
