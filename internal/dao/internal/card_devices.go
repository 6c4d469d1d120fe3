// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// CardDevicesDao is the data access object for the table card_devices.
type CardDevicesDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  CardDevicesColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// CardDevicesColumns defines and stores column names for the table card_devices.
type CardDevicesColumns struct {
	Id         string //
	CardId     string //
	DeviceHash string //
	Device     string //
	BoundAt    string //
	UnboundAt  string //
	LastSeenAt string //
}

// cardDevicesColumns holds the columns for the table card_devices.
var cardDevicesColumns = CardDevicesColumns{
	Id:         "id",
	CardId:     "card_id",
	DeviceHash: "device_hash",
	Device:     "device",
	BoundAt:    "bound_at",
	UnboundAt:  "unbound_at",
	LastSeenAt: "last_seen_at",
}

// NewCardDevicesDao creates and returns a new DAO object for table data access.
func NewCardDevicesDao(handlers ...gdb.ModelHandler) *CardDevicesDao {
	return &CardDevicesDao{
		group:    "default",
		table:    "card_devices",
		columns:  cardDevicesColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *CardDevicesDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *CardDevicesDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *CardDevicesDao) Columns() CardDevicesColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *CardDevicesDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *CardDevicesDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *CardDevicesDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
