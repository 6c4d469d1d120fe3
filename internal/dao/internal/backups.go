// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// BackupsDao is the data access object for the table backups.
type BackupsDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  BackupsColumns     // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// BackupsColumns defines and stores column names for the table backups.
type BackupsColumns struct {
	Id            string //
	File          string //
	Node          string //
	Size          string //
	Sha256        string //
	SchemaVersion string //
	TablesCount   string //
	RowsCount     string //
	Status        string //
	Error         string //
	TriggerBy     string //
	CreatedAt     string //
	VerifiedAt    string //
}

// backupsColumns holds the columns for the table backups.
var backupsColumns = BackupsColumns{
	Id:            "id",
	File:          "file",
	Node:          "node",
	Size:          "size",
	Sha256:        "sha256",
	SchemaVersion: "schema_version",
	TablesCount:   "tables_count",
	RowsCount:     "rows_count",
	Status:        "status",
	Error:         "error",
	TriggerBy:     "trigger_by",
	CreatedAt:     "created_at",
	VerifiedAt:    "verified_at",
}

// NewBackupsDao creates and returns a new DAO object for table data access.
func NewBackupsDao(handlers ...gdb.ModelHandler) *BackupsDao {
	return &BackupsDao{
		group:    "default",
		table:    "backups",
		columns:  backupsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *BackupsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *BackupsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *BackupsDao) Columns() BackupsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *BackupsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *BackupsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *BackupsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
