// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// OpenapiFailuresDao is the data access object for the table openapi_failures.
type OpenapiFailuresDao struct {
	table    string                 // table is the underlying table name of the DAO.
	group    string                 // group is the database configuration group name of the current DAO.
	columns  OpenapiFailuresColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler     // handlers for customized model modification.
}

// OpenapiFailuresColumns defines and stores column names for the table openapi_failures.
type OpenapiFailuresColumns struct {
	Id          string //
	ProjectId   string //
	Endpoint    string //
	Error       string //
	HttpStatus  string //
	Detail      string //
	Ip          string //
	Nonce       string //
	RequestTime string //
	CreatedAt   string //
}

// openapiFailuresColumns holds the columns for the table openapi_failures.
var openapiFailuresColumns = OpenapiFailuresColumns{
	Id:          "id",
	ProjectId:   "project_id",
	Endpoint:    "endpoint",
	Error:       "error",
	HttpStatus:  "http_status",
	Detail:      "detail",
	Ip:          "ip",
	Nonce:       "nonce",
	RequestTime: "request_time",
	CreatedAt:   "created_at",
}

// NewOpenapiFailuresDao creates and returns a new DAO object for table data access.
func NewOpenapiFailuresDao(handlers ...gdb.ModelHandler) *OpenapiFailuresDao {
	return &OpenapiFailuresDao{
		group:    "default",
		table:    "openapi_failures",
		columns:  openapiFailuresColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *OpenapiFailuresDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *OpenapiFailuresDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *OpenapiFailuresDao) Columns() OpenapiFailuresColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *OpenapiFailuresDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *OpenapiFailuresDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *OpenapiFailuresDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
