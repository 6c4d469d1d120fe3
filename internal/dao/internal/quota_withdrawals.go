// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// QuotaWithdrawalsDao is the data access object for the table quota_withdrawals.
type QuotaWithdrawalsDao struct {
	table    string                  // table is the underlying table name of the DAO.
	group    string                  // group is the database configuration group name of the current DAO.
	columns  QuotaWithdrawalsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler      // handlers for customized model modification.
}

// QuotaWithdrawalsColumns defines and stores column names for the table quota_withdrawals.
type QuotaWithdrawalsColumns struct {
	Id            string //
	UserId        string //
	Amount        string //
	Account       string //
	Remark        string //
	Status        string //
	ReservationId string //
	PaymentRef    string //
	Reason        string //
	DecidedBy     string //
	DecidedAt     string //
	CreatedAt     string //
	UpdatedAt     string //
}

// quotaWithdrawalsColumns holds the columns for the table quota_withdrawals.
var quotaWithdrawalsColumns = QuotaWithdrawalsColumns{
	Id:            "id",
	UserId:        "user_id",
	Amount:        "amount",
	Account:       "account",
	Remark:        "remark",
	Status:        "status",
	ReservationId: "reservation_id",
	PaymentRef:    "payment_ref",
	Reason:        "reason",
	DecidedBy:     "decided_by",
	DecidedAt:     "decided_at",
	CreatedAt:     "created_at",
	UpdatedAt:     "updated_at",
}

// NewQuotaWithdrawalsDao creates and returns a new DAO object for table data access.
func NewQuotaWithdrawalsDao(handlers ...gdb.ModelHandler) *QuotaWithdrawalsDao {
	return &QuotaWithdrawalsDao{
		group:    "default",
		table:    "quota_withdrawals",
		columns:  quotaWithdrawalsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *QuotaWithdrawalsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *QuotaWithdrawalsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *QuotaWithdrawalsDao) Columns() QuotaWithdrawalsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *QuotaWithdrawalsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *QuotaWithdrawalsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *QuotaWithdrawalsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
