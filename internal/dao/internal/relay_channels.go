// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// RelayChannelsDao is the data access object for the table relay_channels.
type RelayChannelsDao struct {
	table    string               // table is the underlying table name of the DAO.
	group    string               // group is the database configuration group name of the current DAO.
	columns  RelayChannelsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler   // handlers for customized model modification.
}

// RelayChannelsColumns defines and stores column names for the table relay_channels.
type RelayChannelsColumns struct {
	Id                string //
	Name              string //
	Type              string //
	BaseUrl           string //
	Models            string //
	ModelMapping      string //
	GroupCodes        string //
	Priority          string //
	Weight            string //
	AutoBan           string //
	TestModel         string //
	FirstByteTimeoutS string //
	IdleTimeoutS      string //
	Remark            string //
	Status            string //
	StatusReason      string //
	StatusChangedAt   string //
	Trips             string //
	ProbeSuccesses    string //
	ResponseTimeMs    string //
	TestedAt          string //
	Version           string //
	CreatedAt         string //
	UpdatedAt         string //
}

// relayChannelsColumns holds the columns for the table relay_channels.
var relayChannelsColumns = RelayChannelsColumns{
	Id:                "id",
	Name:              "name",
	Type:              "type",
	BaseUrl:           "base_url",
	Models:            "models",
	ModelMapping:      "model_mapping",
	GroupCodes:        "group_codes",
	Priority:          "priority",
	Weight:            "weight",
	AutoBan:           "auto_ban",
	TestModel:         "test_model",
	FirstByteTimeoutS: "first_byte_timeout_s",
	IdleTimeoutS:      "idle_timeout_s",
	Remark:            "remark",
	Status:            "status",
	StatusReason:      "status_reason",
	StatusChangedAt:   "status_changed_at",
	Trips:             "trips",
	ProbeSuccesses:    "probe_successes",
	ResponseTimeMs:    "response_time_ms",
	TestedAt:          "tested_at",
	Version:           "version",
	CreatedAt:         "created_at",
	UpdatedAt:         "updated_at",
}

// NewRelayChannelsDao creates and returns a new DAO object for table data access.
func NewRelayChannelsDao(handlers ...gdb.ModelHandler) *RelayChannelsDao {
	return &RelayChannelsDao{
		group:    "default",
		table:    "relay_channels",
		columns:  relayChannelsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *RelayChannelsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *RelayChannelsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *RelayChannelsDao) Columns() RelayChannelsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *RelayChannelsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *RelayChannelsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *RelayChannelsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
