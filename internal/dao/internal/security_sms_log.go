// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// SecuritySmsLogDao is the data access object for the table security_sms_log.
type SecuritySmsLogDao struct {
	table    string                // table is the underlying table name of the DAO.
	group    string                // group is the database configuration group name of the current DAO.
	columns  SecuritySmsLogColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler    // handlers for customized model modification.
}

// SecuritySmsLogColumns defines and stores column names for the table security_sms_log.
type SecuritySmsLogColumns struct {
	Id           string //
	PhoneMasked  string //
	Template     string //
	TemplateCode string //
	Result       string //
	Detail       string //
	CreatedAt    string //
}

// securitySmsLogColumns holds the columns for the table security_sms_log.
var securitySmsLogColumns = SecuritySmsLogColumns{
	Id:           "id",
	PhoneMasked:  "phone_masked",
	Template:     "template",
	TemplateCode: "template_code",
	Result:       "result",
	Detail:       "detail",
	CreatedAt:    "created_at",
}

// NewSecuritySmsLogDao creates and returns a new DAO object for table data access.
func NewSecuritySmsLogDao(handlers ...gdb.ModelHandler) *SecuritySmsLogDao {
	return &SecuritySmsLogDao{
		group:    "default",
		table:    "security_sms_log",
		columns:  securitySmsLogColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *SecuritySmsLogDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *SecuritySmsLogDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *SecuritySmsLogDao) Columns() SecuritySmsLogColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *SecuritySmsLogDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *SecuritySmsLogDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *SecuritySmsLogDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
