// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// QuotaMovementsDao is the data access object for the table quota_movements.
type QuotaMovementsDao struct {
	table    string                // table is the underlying table name of the DAO.
	group    string                // group is the database configuration group name of the current DAO.
	columns  QuotaMovementsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler    // handlers for customized model modification.
}

// QuotaMovementsColumns defines and stores column names for the table quota_movements.
type QuotaMovementsColumns struct {
	Id          string //
	IdemKey     string //
	Fingerprint string //
	Type        string //
	Ref         string //
	OperatorId  string //
	Amount      string //
	Result      string //
	CreatedAt   string //
}

// quotaMovementsColumns holds the columns for the table quota_movements.
var quotaMovementsColumns = QuotaMovementsColumns{
	Id:          "id",
	IdemKey:     "idem_key",
	Fingerprint: "fingerprint",
	Type:        "type",
	Ref:         "ref",
	OperatorId:  "operator_id",
	Amount:      "amount",
	Result:      "result",
	CreatedAt:   "created_at",
}

// NewQuotaMovementsDao creates and returns a new DAO object for table data access.
func NewQuotaMovementsDao(handlers ...gdb.ModelHandler) *QuotaMovementsDao {
	return &QuotaMovementsDao{
		group:    "default",
		table:    "quota_movements",
		columns:  quotaMovementsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *QuotaMovementsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *QuotaMovementsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *QuotaMovementsDao) Columns() QuotaMovementsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *QuotaMovementsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *QuotaMovementsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *QuotaMovementsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
