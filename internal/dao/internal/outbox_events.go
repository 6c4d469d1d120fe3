// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// OutboxEventsDao is the data access object for the table outbox_events.
type OutboxEventsDao struct {
	table    string              // table is the underlying table name of the DAO.
	group    string              // group is the database configuration group name of the current DAO.
	columns  OutboxEventsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler  // handlers for customized model modification.
}

// OutboxEventsColumns defines and stores column names for the table outbox_events.
type OutboxEventsColumns struct {
	Id             string //
	EventId        string //
	Topic          string //
	Type           string //
	Ref            string //
	Body           string //
	Status         string //
	Attempts       string //
	RoundAttempts  string //
	NextAttemptAt  string //
	LeaseOwner     string //
	LeaseUntil     string //
	LastStatusCode string //
	LastError      string //
	DeliveredAt    string //
	CreatedAt      string //
	UpdatedAt      string //
}

// outboxEventsColumns holds the columns for the table outbox_events.
var outboxEventsColumns = OutboxEventsColumns{
	Id:             "id",
	EventId:        "event_id",
	Topic:          "topic",
	Type:           "type",
	Ref:            "ref",
	Body:           "body",
	Status:         "status",
	Attempts:       "attempts",
	RoundAttempts:  "round_attempts",
	NextAttemptAt:  "next_attempt_at",
	LeaseOwner:     "lease_owner",
	LeaseUntil:     "lease_until",
	LastStatusCode: "last_status_code",
	LastError:      "last_error",
	DeliveredAt:    "delivered_at",
	CreatedAt:      "created_at",
	UpdatedAt:      "updated_at",
}

// NewOutboxEventsDao creates and returns a new DAO object for table data access.
func NewOutboxEventsDao(handlers ...gdb.ModelHandler) *OutboxEventsDao {
	return &OutboxEventsDao{
		group:    "default",
		table:    "outbox_events",
		columns:  outboxEventsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *OutboxEventsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *OutboxEventsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *OutboxEventsDao) Columns() OutboxEventsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *OutboxEventsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *OutboxEventsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *OutboxEventsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
