// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// AuthorizationApplicationsDao is the data access object for the table authorization_applications.
type AuthorizationApplicationsDao struct {
	table    string                           // table is the underlying table name of the DAO.
	group    string                           // group is the database configuration group name of the current DAO.
	columns  AuthorizationApplicationsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler               // handlers for customized model modification.
}

// AuthorizationApplicationsColumns defines and stores column names for the table authorization_applications.
type AuthorizationApplicationsColumns struct {
	Id              string //
	ProjectId       string //
	ApplicantId     string //
	ApproverId      string //
	Reason          string //
	Status          string //
	PendingKey      string //
	Note            string //
	DecidedBy       string //
	DecidedAt       string //
	AuthorizationId string //
	CreatedAt       string //
	UpdatedAt       string //
}

// authorizationApplicationsColumns holds the columns for the table authorization_applications.
var authorizationApplicationsColumns = AuthorizationApplicationsColumns{
	Id:              "id",
	ProjectId:       "project_id",
	ApplicantId:     "applicant_id",
	ApproverId:      "approver_id",
	Reason:          "reason",
	Status:          "status",
	PendingKey:      "pending_key",
	Note:            "note",
	DecidedBy:       "decided_by",
	DecidedAt:       "decided_at",
	AuthorizationId: "authorization_id",
	CreatedAt:       "created_at",
	UpdatedAt:       "updated_at",
}

// NewAuthorizationApplicationsDao creates and returns a new DAO object for table data access.
func NewAuthorizationApplicationsDao(handlers ...gdb.ModelHandler) *AuthorizationApplicationsDao {
	return &AuthorizationApplicationsDao{
		group:    "default",
		table:    "authorization_applications",
		columns:  authorizationApplicationsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *AuthorizationApplicationsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *AuthorizationApplicationsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *AuthorizationApplicationsDao) Columns() AuthorizationApplicationsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *AuthorizationApplicationsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *AuthorizationApplicationsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *AuthorizationApplicationsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
