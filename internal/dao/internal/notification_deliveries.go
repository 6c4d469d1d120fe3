// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// NotificationDeliveriesDao is the data access object for the table notification_deliveries.
type NotificationDeliveriesDao struct {
	table    string                        // table is the underlying table name of the DAO.
	group    string                        // group is the database configuration group name of the current DAO.
	columns  NotificationDeliveriesColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler            // handlers for customized model modification.
}

// NotificationDeliveriesColumns defines and stores column names for the table notification_deliveries.
type NotificationDeliveriesColumns struct {
	Id             string //
	NotificationId string //
	UserId         string //
	Channel        string //
	Status         string //
	Attempts       string //
	NextAttemptAt  string //
	LastError      string //
	Node           string //
	SentAt         string //
	CreatedAt      string //
	UpdatedAt      string //
}

// notificationDeliveriesColumns holds the columns for the table notification_deliveries.
var notificationDeliveriesColumns = NotificationDeliveriesColumns{
	Id:             "id",
	NotificationId: "notification_id",
	UserId:         "user_id",
	Channel:        "channel",
	Status:         "status",
	Attempts:       "attempts",
	NextAttemptAt:  "next_attempt_at",
	LastError:      "last_error",
	Node:           "node",
	SentAt:         "sent_at",
	CreatedAt:      "created_at",
	UpdatedAt:      "updated_at",
}

// NewNotificationDeliveriesDao creates and returns a new DAO object for table data access.
func NewNotificationDeliveriesDao(handlers ...gdb.ModelHandler) *NotificationDeliveriesDao {
	return &NotificationDeliveriesDao{
		group:    "default",
		table:    "notification_deliveries",
		columns:  notificationDeliveriesColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *NotificationDeliveriesDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *NotificationDeliveriesDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *NotificationDeliveriesDao) Columns() NotificationDeliveriesColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *NotificationDeliveriesDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *NotificationDeliveriesDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *NotificationDeliveriesDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
