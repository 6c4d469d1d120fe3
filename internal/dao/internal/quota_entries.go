// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// QuotaEntriesDao is the data access object for the table quota_entries.
type QuotaEntriesDao struct {
	table    string              // table is the underlying table name of the DAO.
	group    string              // group is the database configuration group name of the current DAO.
	columns  QuotaEntriesColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler  // handlers for customized model modification.
}

// QuotaEntriesColumns defines and stores column names for the table quota_entries.
type QuotaEntriesColumns struct {
	Id             string //
	MovementId     string //
	UserId         string //
	Bucket         string //
	Amount         string //
	BalanceAfter   string //
	Type           string //
	CounterpartyId string //
	OperatorId     string //
	Ref            string //
	Remark         string //
	IdemKey        string //
	CreatedAt      string //
}

// quotaEntriesColumns holds the columns for the table quota_entries.
var quotaEntriesColumns = QuotaEntriesColumns{
	Id:             "id",
	MovementId:     "movement_id",
	UserId:         "user_id",
	Bucket:         "bucket",
	Amount:         "amount",
	BalanceAfter:   "balance_after",
	Type:           "type",
	CounterpartyId: "counterparty_id",
	OperatorId:     "operator_id",
	Ref:            "ref",
	Remark:         "remark",
	IdemKey:        "idem_key",
	CreatedAt:      "created_at",
}

// NewQuotaEntriesDao creates and returns a new DAO object for table data access.
func NewQuotaEntriesDao(handlers ...gdb.ModelHandler) *QuotaEntriesDao {
	return &QuotaEntriesDao{
		group:    "default",
		table:    "quota_entries",
		columns:  quotaEntriesColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *QuotaEntriesDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *QuotaEntriesDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *QuotaEntriesDao) Columns() QuotaEntriesColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *QuotaEntriesDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *QuotaEntriesDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *QuotaEntriesDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
