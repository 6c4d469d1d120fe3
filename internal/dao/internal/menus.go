// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// MenusDao is the data access object for the table menus.
type MenusDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  MenusColumns       // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// MenusColumns defines and stores column names for the table menus.
type MenusColumns struct {
	Id         string //
	ParentId   string //
	Type       string //
	Name       string //
	Path       string //
	Component  string //
	Redirect   string //
	Title      string //
	Icon       string //
	Sort       string //
	AuthCode   string //
	Apis       string //
	HideInMenu string //
	Status     string //
	CreatedAt  string //
	UpdatedAt  string //
}

// menusColumns holds the columns for the table menus.
var menusColumns = MenusColumns{
	Id:         "id",
	ParentId:   "parent_id",
	Type:       "type",
	Name:       "name",
	Path:       "path",
	Component:  "component",
	Redirect:   "redirect",
	Title:      "title",
	Icon:       "icon",
	Sort:       "sort",
	AuthCode:   "auth_code",
	Apis:       "apis",
	HideInMenu: "hide_in_menu",
	Status:     "status",
	CreatedAt:  "created_at",
	UpdatedAt:  "updated_at",
}

// NewMenusDao creates and returns a new DAO object for table data access.
func NewMenusDao(handlers ...gdb.ModelHandler) *MenusDao {
	return &MenusDao{
		group:    "default",
		table:    "menus",
		columns:  menusColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *MenusDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *MenusDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *MenusDao) Columns() MenusColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *MenusDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *MenusDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *MenusDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
