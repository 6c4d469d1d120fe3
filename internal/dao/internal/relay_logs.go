// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// RelayLogsDao is the data access object for the table relay_logs.
type RelayLogsDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  RelayLogsColumns   // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// RelayLogsColumns defines and stores column names for the table relay_logs.
type RelayLogsColumns struct {
	Id               string //
	RequestId        string //
	UserId           string //
	TokenId          string //
	TokenName        string //
	GroupCode        string //
	Model            string //
	UpstreamModel    string //
	ChannelId        string //
	ChannelName      string //
	KeyId            string //
	IsStream         string //
	Status           string //
	HttpStatus       string //
	ErrorCode        string //
	ErrorMessage     string //
	PromptTokens     string //
	CompletionTokens string //
	CachedTokens     string //
	UsageSource      string //
	ModelRatio       string //
	CompletionRatio  string //
	CacheRatio       string //
	GroupRatio       string //
	ModelPrice       string //
	PreQuota         string //
	Quota            string //
	Uncollected      string //
	ReservationId    string //
	SettleState      string //
	Final            string //
	Attempts         string //
	TtfbMs           string //
	LatencyMs        string //
	ClientIp         string //
	NodeId           string //
	CreatedAt        string //
	SettledAt        string //
}

// relayLogsColumns holds the columns for the table relay_logs.
var relayLogsColumns = RelayLogsColumns{
	Id:               "id",
	RequestId:        "request_id",
	UserId:           "user_id",
	TokenId:          "token_id",
	TokenName:        "token_name",
	GroupCode:        "group_code",
	Model:            "model",
	UpstreamModel:    "upstream_model",
	ChannelId:        "channel_id",
	ChannelName:      "channel_name",
	KeyId:            "key_id",
	IsStream:         "is_stream",
	Status:           "status",
	HttpStatus:       "http_status",
	ErrorCode:        "error_code",
	ErrorMessage:     "error_message",
	PromptTokens:     "prompt_tokens",
	CompletionTokens: "completion_tokens",
	CachedTokens:     "cached_tokens",
	UsageSource:      "usage_source",
	ModelRatio:       "model_ratio",
	CompletionRatio:  "completion_ratio",
	CacheRatio:       "cache_ratio",
	GroupRatio:       "group_ratio",
	ModelPrice:       "model_price",
	PreQuota:         "pre_quota",
	Quota:            "quota",
	Uncollected:      "uncollected",
	ReservationId:    "reservation_id",
	SettleState:      "settle_state",
	Final:            "final",
	Attempts:         "attempts",
	TtfbMs:           "ttfb_ms",
	LatencyMs:        "latency_ms",
	ClientIp:         "client_ip",
	NodeId:           "node_id",
	CreatedAt:        "created_at",
	SettledAt:        "settled_at",
}

// NewRelayLogsDao creates and returns a new DAO object for table data access.
func NewRelayLogsDao(handlers ...gdb.ModelHandler) *RelayLogsDao {
	return &RelayLogsDao{
		group:    "default",
		table:    "relay_logs",
		columns:  relayLogsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *RelayLogsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *RelayLogsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *RelayLogsDao) Columns() RelayLogsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *RelayLogsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *RelayLogsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *RelayLogsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
