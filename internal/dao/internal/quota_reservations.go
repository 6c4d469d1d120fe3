// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// QuotaReservationsDao is the data access object for the table quota_reservations.
type QuotaReservationsDao struct {
	table    string                   // table is the underlying table name of the DAO.
	group    string                   // group is the database configuration group name of the current DAO.
	columns  QuotaReservationsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler       // handlers for customized model modification.
}

// QuotaReservationsColumns defines and stores column names for the table quota_reservations.
type QuotaReservationsColumns struct {
	Id        string //
	UserId    string //
	Amount    string //
	Collected string //
	Type      string //
	Ref       string //
	Status    string //
	Deadline  string //
	CreatedAt string //
	SettledAt string //
}

// quotaReservationsColumns holds the columns for the table quota_reservations.
var quotaReservationsColumns = QuotaReservationsColumns{
	Id:        "id",
	UserId:    "user_id",
	Amount:    "amount",
	Collected: "collected",
	Type:      "type",
	Ref:       "ref",
	Status:    "status",
	Deadline:  "deadline",
	CreatedAt: "created_at",
	SettledAt: "settled_at",
}

// NewQuotaReservationsDao creates and returns a new DAO object for table data access.
func NewQuotaReservationsDao(handlers ...gdb.ModelHandler) *QuotaReservationsDao {
	return &QuotaReservationsDao{
		group:    "default",
		table:    "quota_reservations",
		columns:  quotaReservationsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *QuotaReservationsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *QuotaReservationsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *QuotaReservationsDao) Columns() QuotaReservationsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *QuotaReservationsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *QuotaReservationsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *QuotaReservationsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
