// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// NoticesDao is the data access object for the table notices.
type NoticesDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  NoticesColumns     // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// NoticesColumns defines and stores column names for the table notices.
type NoticesColumns struct {
	Id        string //
	Kind      string //
	Template  string //
	Params    string //
	Title     string //
	Body      string //
	RefType   string //
	RefId     string //
	DedupKey  string //
	CreatedAt string //
}

// noticesColumns holds the columns for the table notices.
var noticesColumns = NoticesColumns{
	Id:        "id",
	Kind:      "kind",
	Template:  "template",
	Params:    "params",
	Title:     "title",
	Body:      "body",
	RefType:   "ref_type",
	RefId:     "ref_id",
	DedupKey:  "dedup_key",
	CreatedAt: "created_at",
}

// NewNoticesDao creates and returns a new DAO object for table data access.
func NewNoticesDao(handlers ...gdb.ModelHandler) *NoticesDao {
	return &NoticesDao{
		group:    "default",
		table:    "notices",
		columns:  noticesColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *NoticesDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *NoticesDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *NoticesDao) Columns() NoticesColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *NoticesDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *NoticesDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *NoticesDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
