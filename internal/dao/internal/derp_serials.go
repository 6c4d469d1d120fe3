// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpSerialsDao is the data access object for the table derp_serials.
type DerpSerialsDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  DerpSerialsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// DerpSerialsColumns defines and stores column names for the table derp_serials.
type DerpSerialsColumns struct {
	Id            string //
	CodeHash      string //
	CodeEnc       string //
	CodeLast4     string //
	PlanId        string //
	BatchId       string //
	DistributorId string //
	OrderId       string //
	Source        string //
	Status        string //
	ExpiresAt     string //
	UsedBy        string //
	UsedAt        string //
	UsedAs        string //
	RentalId      string //
	CreatedAt     string //
	UpdatedAt     string //
}

// derpSerialsColumns holds the columns for the table derp_serials.
var derpSerialsColumns = DerpSerialsColumns{
	Id:            "id",
	CodeHash:      "code_hash",
	CodeEnc:       "code_enc",
	CodeLast4:     "code_last4",
	PlanId:        "plan_id",
	BatchId:       "batch_id",
	DistributorId: "distributor_id",
	OrderId:       "order_id",
	Source:        "source",
	Status:        "status",
	ExpiresAt:     "expires_at",
	UsedBy:        "used_by",
	UsedAt:        "used_at",
	UsedAs:        "used_as",
	RentalId:      "rental_id",
	CreatedAt:     "created_at",
	UpdatedAt:     "updated_at",
}

// NewDerpSerialsDao creates and returns a new DAO object for table data access.
func NewDerpSerialsDao(handlers ...gdb.ModelHandler) *DerpSerialsDao {
	return &DerpSerialsDao{
		group:    "default",
		table:    "derp_serials",
		columns:  derpSerialsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpSerialsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpSerialsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpSerialsDao) Columns() DerpSerialsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpSerialsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpSerialsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpSerialsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
