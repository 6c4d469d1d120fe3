// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProjectSigningKeysDao is the data access object for the table project_signing_keys.
type ProjectSigningKeysDao struct {
	table    string                    // table is the underlying table name of the DAO.
	group    string                    // group is the database configuration group name of the current DAO.
	columns  ProjectSigningKeysColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler        // handlers for customized model modification.
}

// ProjectSigningKeysColumns defines and stores column names for the table project_signing_keys.
type ProjectSigningKeysColumns struct {
	Id         string //
	ProjectId  string //
	Kid        string //
	PublicKey  string //
	PrivateKey string //
	Status     string //
	RetireAt   string //
	CreatedAt  string //
	RetiredAt  string //
}

// projectSigningKeysColumns holds the columns for the table project_signing_keys.
var projectSigningKeysColumns = ProjectSigningKeysColumns{
	Id:         "id",
	ProjectId:  "project_id",
	Kid:        "kid",
	PublicKey:  "public_key",
	PrivateKey: "private_key",
	Status:     "status",
	RetireAt:   "retire_at",
	CreatedAt:  "created_at",
	RetiredAt:  "retired_at",
}

// NewProjectSigningKeysDao creates and returns a new DAO object for table data access.
func NewProjectSigningKeysDao(handlers ...gdb.ModelHandler) *ProjectSigningKeysDao {
	return &ProjectSigningKeysDao{
		group:    "default",
		table:    "project_signing_keys",
		columns:  projectSigningKeysColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProjectSigningKeysDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProjectSigningKeysDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProjectSigningKeysDao) Columns() ProjectSigningKeysColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProjectSigningKeysDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProjectSigningKeysDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProjectSigningKeysDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
