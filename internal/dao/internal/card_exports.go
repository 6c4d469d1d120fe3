// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// CardExportsDao is the data access object for the table card_exports.
type CardExportsDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  CardExportsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// CardExportsColumns defines and stores column names for the table card_exports.
type CardExportsColumns struct {
	Id         string //
	BatchId    string //
	ProjectId  string //
	OperatorId string //
	Format     string //
	RowCount   string //
	Ip         string //
	CreatedAt  string //
}

// cardExportsColumns holds the columns for the table card_exports.
var cardExportsColumns = CardExportsColumns{
	Id:         "id",
	BatchId:    "batch_id",
	ProjectId:  "project_id",
	OperatorId: "operator_id",
	Format:     "format",
	RowCount:   "row_count",
	Ip:         "ip",
	CreatedAt:  "created_at",
}

// NewCardExportsDao creates and returns a new DAO object for table data access.
func NewCardExportsDao(handlers ...gdb.ModelHandler) *CardExportsDao {
	return &CardExportsDao{
		group:    "default",
		table:    "card_exports",
		columns:  cardExportsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *CardExportsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *CardExportsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *CardExportsDao) Columns() CardExportsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *CardExportsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *CardExportsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *CardExportsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
