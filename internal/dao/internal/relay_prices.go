// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// RelayPricesDao is the data access object for the table relay_prices.
type RelayPricesDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  RelayPricesColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// RelayPricesColumns defines and stores column names for the table relay_prices.
type RelayPricesColumns struct {
	Id              string //
	Model           string //
	ModelRatio      string //
	CompletionRatio string //
	CacheRatio      string //
	ModelPrice      string //
	Tokenizer       string //
	OwnedBy         string //
	Enabled         string //
	CreatedAt       string //
	UpdatedAt       string //
}

// relayPricesColumns holds the columns for the table relay_prices.
var relayPricesColumns = RelayPricesColumns{
	Id:              "id",
	Model:           "model",
	ModelRatio:      "model_ratio",
	CompletionRatio: "completion_ratio",
	CacheRatio:      "cache_ratio",
	ModelPrice:      "model_price",
	Tokenizer:       "tokenizer",
	OwnedBy:         "owned_by",
	Enabled:         "enabled",
	CreatedAt:       "created_at",
	UpdatedAt:       "updated_at",
}

// NewRelayPricesDao creates and returns a new DAO object for table data access.
func NewRelayPricesDao(handlers ...gdb.ModelHandler) *RelayPricesDao {
	return &RelayPricesDao{
		group:    "default",
		table:    "relay_prices",
		columns:  relayPricesColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *RelayPricesDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *RelayPricesDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *RelayPricesDao) Columns() RelayPricesColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *RelayPricesDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *RelayPricesDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *RelayPricesDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
