// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// CamelOilOrderHistoryDao is the data access object for the table camel_oil_order_history.
type CamelOilOrderHistoryDao struct {
	table    string                      // table is the underlying table name of the DAO.
	group    string                      // group is the database configuration group name of the current DAO.
	columns  CamelOilOrderHistoryColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler          // handlers for customized model modification.
}

// CamelOilOrderHistoryColumns defines and stores column names for the table camel_oil_order_history.
type CamelOilOrderHistoryColumns struct {
	Id         string //
	OrderId    string //
	FromStatus string //
	ToStatus   string //
	Reason     string //
	OperatorId string //
	CreatedAt  string //
}

// camelOilOrderHistoryColumns holds the columns for the table camel_oil_order_history.
var camelOilOrderHistoryColumns = CamelOilOrderHistoryColumns{
	Id:         "id",
	OrderId:    "order_id",
	FromStatus: "from_status",
	ToStatus:   "to_status",
	Reason:     "reason",
	OperatorId: "operator_id",
	CreatedAt:  "created_at",
}

// NewCamelOilOrderHistoryDao creates and returns a new DAO object for table data access.
func NewCamelOilOrderHistoryDao(handlers ...gdb.ModelHandler) *CamelOilOrderHistoryDao {
	return &CamelOilOrderHistoryDao{
		group:    "default",
		table:    "camel_oil_order_history",
		columns:  camelOilOrderHistoryColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *CamelOilOrderHistoryDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *CamelOilOrderHistoryDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *CamelOilOrderHistoryDao) Columns() CamelOilOrderHistoryColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *CamelOilOrderHistoryDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *CamelOilOrderHistoryDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *CamelOilOrderHistoryDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
