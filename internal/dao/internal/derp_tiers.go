// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpTiersDao is the data access object for the table derp_tiers.
type DerpTiersDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  DerpTiersColumns   // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// DerpTiersColumns defines and stores column names for the table derp_tiers.
type DerpTiersColumns struct {
	Code          string //
	Name          string //
	DiscountBps   string //
	CommissionBps string //
	CreatedAt     string //
	UpdatedAt     string //
}

// derpTiersColumns holds the columns for the table derp_tiers.
var derpTiersColumns = DerpTiersColumns{
	Code:          "code",
	Name:          "name",
	DiscountBps:   "discount_bps",
	CommissionBps: "commission_bps",
	CreatedAt:     "created_at",
	UpdatedAt:     "updated_at",
}

// NewDerpTiersDao creates and returns a new DAO object for table data access.
func NewDerpTiersDao(handlers ...gdb.ModelHandler) *DerpTiersDao {
	return &DerpTiersDao{
		group:    "default",
		table:    "derp_tiers",
		columns:  derpTiersColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpTiersDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpTiersDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpTiersDao) Columns() DerpTiersColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpTiersDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpTiersDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpTiersDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
