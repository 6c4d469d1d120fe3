// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// SettingChangesDao is the data access object for the table setting_changes.
type SettingChangesDao struct {
	table    string                // table is the underlying table name of the DAO.
	group    string                // group is the database configuration group name of the current DAO.
	columns  SettingChangesColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler    // handlers for customized model modification.
}

// SettingChangesColumns defines and stores column names for the table setting_changes.
type SettingChangesColumns struct {
	Id         string //
	K          string //
	OldValue   string //
	NewValue   string //
	OperatorId string //
	Operator   string //
	CreatedAt  string //
}

// settingChangesColumns holds the columns for the table setting_changes.
var settingChangesColumns = SettingChangesColumns{
	Id:         "id",
	K:          "k",
	OldValue:   "old_value",
	NewValue:   "new_value",
	OperatorId: "operator_id",
	Operator:   "operator",
	CreatedAt:  "created_at",
}

// NewSettingChangesDao creates and returns a new DAO object for table data access.
func NewSettingChangesDao(handlers ...gdb.ModelHandler) *SettingChangesDao {
	return &SettingChangesDao{
		group:    "default",
		table:    "setting_changes",
		columns:  settingChangesColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *SettingChangesDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *SettingChangesDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *SettingChangesDao) Columns() SettingChangesColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *SettingChangesDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *SettingChangesDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *SettingChangesDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
