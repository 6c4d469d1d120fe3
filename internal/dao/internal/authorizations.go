// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// AuthorizationsDao is the data access object for the table authorizations.
type AuthorizationsDao struct {
	table    string                // table is the underlying table name of the DAO.
	group    string                // group is the database configuration group name of the current DAO.
	columns  AuthorizationsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler    // handlers for customized model modification.
}

// AuthorizationsColumns defines and stores column names for the table authorizations.
type AuthorizationsColumns struct {
	Id            string //
	ProjectId     string //
	UserId        string //
	GrantedBy     string //
	Source        string //
	ApplicationId string //
	Status        string //
	ActiveKey     string //
	ExpiresAt     string //
	WarnedAt      string //
	EndedAt       string //
	EndedBy       string //
	CreatedAt     string //
	UpdatedAt     string //
}

// authorizationsColumns holds the columns for the table authorizations.
var authorizationsColumns = AuthorizationsColumns{
	Id:            "id",
	ProjectId:     "project_id",
	UserId:        "user_id",
	GrantedBy:     "granted_by",
	Source:        "source",
	ApplicationId: "application_id",
	Status:        "status",
	ActiveKey:     "active_key",
	ExpiresAt:     "expires_at",
	WarnedAt:      "warned_at",
	EndedAt:       "ended_at",
	EndedBy:       "ended_by",
	CreatedAt:     "created_at",
	UpdatedAt:     "updated_at",
}

// NewAuthorizationsDao creates and returns a new DAO object for table data access.
func NewAuthorizationsDao(handlers ...gdb.ModelHandler) *AuthorizationsDao {
	return &AuthorizationsDao{
		group:    "default",
		table:    "authorizations",
		columns:  authorizationsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *AuthorizationsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *AuthorizationsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *AuthorizationsDao) Columns() AuthorizationsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *AuthorizationsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *AuthorizationsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *AuthorizationsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
