// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpDevicesDao is the data access object for the table derp_devices.
type DerpDevicesDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  DerpDevicesColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// DerpDevicesColumns defines and stores column names for the table derp_devices.
type DerpDevicesColumns struct {
	Id         string //
	RentalId   string //
	NodeKey    string //
	Name       string //
	Status     string //
	Source     string //
	Ips        string //
	LastSeenAt string //
	CreatedAt  string //
	UpdatedAt  string //
}

// derpDevicesColumns holds the columns for the table derp_devices.
var derpDevicesColumns = DerpDevicesColumns{
	Id:         "id",
	RentalId:   "rental_id",
	NodeKey:    "node_key",
	Name:       "name",
	Status:     "status",
	Source:     "source",
	Ips:        "ips",
	LastSeenAt: "last_seen_at",
	CreatedAt:  "created_at",
	UpdatedAt:  "updated_at",
}

// NewDerpDevicesDao creates and returns a new DAO object for table data access.
func NewDerpDevicesDao(handlers ...gdb.ModelHandler) *DerpDevicesDao {
	return &DerpDevicesDao{
		group:    "default",
		table:    "derp_devices",
		columns:  derpDevicesColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpDevicesDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpDevicesDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpDevicesDao) Columns() DerpDevicesColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpDevicesDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpDevicesDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpDevicesDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
