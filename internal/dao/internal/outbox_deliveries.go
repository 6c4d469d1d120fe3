// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// OutboxDeliveriesDao is the data access object for the table outbox_deliveries.
type OutboxDeliveriesDao struct {
	table    string                  // table is the underlying table name of the DAO.
	group    string                  // group is the database configuration group name of the current DAO.
	columns  OutboxDeliveriesColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler      // handlers for customized model modification.
}

// OutboxDeliveriesColumns defines and stores column names for the table outbox_deliveries.
type OutboxDeliveriesColumns struct {
	Id           string //
	EventId      string //
	Attempt      string //
	Node         string //
	Url          string //
	Status       string //
	StatusCode   string //
	ResponseBody string //
	Error        string //
	DurationMs   string //
	CreatedAt    string //
}

// outboxDeliveriesColumns holds the columns for the table outbox_deliveries.
var outboxDeliveriesColumns = OutboxDeliveriesColumns{
	Id:           "id",
	EventId:      "event_id",
	Attempt:      "attempt",
	Node:         "node",
	Url:          "url",
	Status:       "status",
	StatusCode:   "status_code",
	ResponseBody: "response_body",
	Error:        "error",
	DurationMs:   "duration_ms",
	CreatedAt:    "created_at",
}

// NewOutboxDeliveriesDao creates and returns a new DAO object for table data access.
func NewOutboxDeliveriesDao(handlers ...gdb.ModelHandler) *OutboxDeliveriesDao {
	return &OutboxDeliveriesDao{
		group:    "default",
		table:    "outbox_deliveries",
		columns:  outboxDeliveriesColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *OutboxDeliveriesDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *OutboxDeliveriesDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *OutboxDeliveriesDao) Columns() OutboxDeliveriesColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *OutboxDeliveriesDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *OutboxDeliveriesDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *OutboxDeliveriesDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
