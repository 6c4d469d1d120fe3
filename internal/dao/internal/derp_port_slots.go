// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpPortSlotsDao is the data access object for the table derp_port_slots.
type DerpPortSlotsDao struct {
	table    string               // table is the underlying table name of the DAO.
	group    string               // group is the database configuration group name of the current DAO.
	columns  DerpPortSlotsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler   // handlers for customized model modification.
}

// DerpPortSlotsColumns defines and stores column names for the table derp_port_slots.
type DerpPortSlotsColumns struct {
	ServerId    string //
	Port        string //
	ContainerId string //
	State       string //
	UntilAt     string //
	CreatedAt   string //
	UpdatedAt   string //
}

// derpPortSlotsColumns holds the columns for the table derp_port_slots.
var derpPortSlotsColumns = DerpPortSlotsColumns{
	ServerId:    "server_id",
	Port:        "port",
	ContainerId: "container_id",
	State:       "state",
	UntilAt:     "until_at",
	CreatedAt:   "created_at",
	UpdatedAt:   "updated_at",
}

// NewDerpPortSlotsDao creates and returns a new DAO object for table data access.
func NewDerpPortSlotsDao(handlers ...gdb.ModelHandler) *DerpPortSlotsDao {
	return &DerpPortSlotsDao{
		group:    "default",
		table:    "derp_port_slots",
		columns:  derpPortSlotsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpPortSlotsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpPortSlotsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpPortSlotsDao) Columns() DerpPortSlotsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpPortSlotsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpPortSlotsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpPortSlotsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
