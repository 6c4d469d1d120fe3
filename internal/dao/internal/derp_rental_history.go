// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpRentalHistoryDao is the data access object for the table derp_rental_history.
type DerpRentalHistoryDao struct {
	table    string                   // table is the underlying table name of the DAO.
	group    string                   // group is the database configuration group name of the current DAO.
	columns  DerpRentalHistoryColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler       // handlers for customized model modification.
}

// DerpRentalHistoryColumns defines and stores column names for the table derp_rental_history.
type DerpRentalHistoryColumns struct {
	Id               string //
	RentalId         string //
	UserId           string //
	DistributorId    string //
	PlanId           string //
	StartedAt        string //
	ExpiresAt        string //
	DeregisteredAt   string //
	TrafficUsedBytes string //
	Snapshot         string //
	CreatedAt        string //
	UpdatedAt        string //
}

// derpRentalHistoryColumns holds the columns for the table derp_rental_history.
var derpRentalHistoryColumns = DerpRentalHistoryColumns{
	Id:               "id",
	RentalId:         "rental_id",
	UserId:           "user_id",
	DistributorId:    "distributor_id",
	PlanId:           "plan_id",
	StartedAt:        "started_at",
	ExpiresAt:        "expires_at",
	DeregisteredAt:   "deregistered_at",
	TrafficUsedBytes: "traffic_used_bytes",
	Snapshot:         "snapshot",
	CreatedAt:        "created_at",
	UpdatedAt:        "updated_at",
}

// NewDerpRentalHistoryDao creates and returns a new DAO object for table data access.
func NewDerpRentalHistoryDao(handlers ...gdb.ModelHandler) *DerpRentalHistoryDao {
	return &DerpRentalHistoryDao{
		group:    "default",
		table:    "derp_rental_history",
		columns:  derpRentalHistoryColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpRentalHistoryDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpRentalHistoryDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpRentalHistoryDao) Columns() DerpRentalHistoryColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpRentalHistoryDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpRentalHistoryDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpRentalHistoryDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
