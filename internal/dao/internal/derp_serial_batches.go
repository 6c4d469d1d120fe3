// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpSerialBatchesDao is the data access object for the table derp_serial_batches.
type DerpSerialBatchesDao struct {
	table    string                   // table is the underlying table name of the DAO.
	group    string                   // group is the database configuration group name of the current DAO.
	columns  DerpSerialBatchesColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler       // handlers for customized model modification.
}

// DerpSerialBatchesColumns defines and stores column names for the table derp_serial_batches.
type DerpSerialBatchesColumns struct {
	Id            string //
	PlanId        string //
	Count         string //
	DistributorId string //
	OrderId       string //
	Source        string //
	Remark        string //
	CreatedBy     string //
	ExpiresAt     string //
	CreatedAt     string //
	UpdatedAt     string //
}

// derpSerialBatchesColumns holds the columns for the table derp_serial_batches.
var derpSerialBatchesColumns = DerpSerialBatchesColumns{
	Id:            "id",
	PlanId:        "plan_id",
	Count:         "count",
	DistributorId: "distributor_id",
	OrderId:       "order_id",
	Source:        "source",
	Remark:        "remark",
	CreatedBy:     "created_by",
	ExpiresAt:     "expires_at",
	CreatedAt:     "created_at",
	UpdatedAt:     "updated_at",
}

// NewDerpSerialBatchesDao creates and returns a new DAO object for table data access.
func NewDerpSerialBatchesDao(handlers ...gdb.ModelHandler) *DerpSerialBatchesDao {
	return &DerpSerialBatchesDao{
		group:    "default",
		table:    "derp_serial_batches",
		columns:  derpSerialBatchesColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpSerialBatchesDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpSerialBatchesDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpSerialBatchesDao) Columns() DerpSerialBatchesColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpSerialBatchesDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpSerialBatchesDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpSerialBatchesDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
