// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpRentalPeriodsDao is the data access object for the table derp_rental_periods.
type DerpRentalPeriodsDao struct {
	table    string                   // table is the underlying table name of the DAO.
	group    string                   // group is the database configuration group name of the current DAO.
	columns  DerpRentalPeriodsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler       // handlers for customized model modification.
}

// DerpRentalPeriodsColumns defines and stores column names for the table derp_rental_periods.
type DerpRentalPeriodsColumns struct {
	Id           string //
	RentalId     string //
	Kind         string //
	OrderId      string //
	SerialId     string //
	PlanId       string //
	Days         string //
	TrafficBytes string //
	StartsAt     string //
	EndsAt       string //
	ActorId      string //
	CreatedAt    string //
	UpdatedAt    string //
}

// derpRentalPeriodsColumns holds the columns for the table derp_rental_periods.
var derpRentalPeriodsColumns = DerpRentalPeriodsColumns{
	Id:           "id",
	RentalId:     "rental_id",
	Kind:         "kind",
	OrderId:      "order_id",
	SerialId:     "serial_id",
	PlanId:       "plan_id",
	Days:         "days",
	TrafficBytes: "traffic_bytes",
	StartsAt:     "starts_at",
	EndsAt:       "ends_at",
	ActorId:      "actor_id",
	CreatedAt:    "created_at",
	UpdatedAt:    "updated_at",
}

// NewDerpRentalPeriodsDao creates and returns a new DAO object for table data access.
func NewDerpRentalPeriodsDao(handlers ...gdb.ModelHandler) *DerpRentalPeriodsDao {
	return &DerpRentalPeriodsDao{
		group:    "default",
		table:    "derp_rental_periods",
		columns:  derpRentalPeriodsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpRentalPeriodsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpRentalPeriodsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpRentalPeriodsDao) Columns() DerpRentalPeriodsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpRentalPeriodsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpRentalPeriodsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpRentalPeriodsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
