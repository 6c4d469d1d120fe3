// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// SecurityAlertsDao is the data access object for the table security_alerts.
type SecurityAlertsDao struct {
	table    string                // table is the underlying table name of the DAO.
	group    string                // group is the database configuration group name of the current DAO.
	columns  SecurityAlertsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler    // handlers for customized model modification.
}

// SecurityAlertsColumns defines and stores column names for the table security_alerts.
type SecurityAlertsColumns struct {
	Id         string //
	CheckName  string //
	OpenKey    string //
	Status     string //
	Severity   string //
	Message    string //
	FirstSeen  string //
	LastSeen   string //
	Count      string //
	ResolvedAt string //
}

// securityAlertsColumns holds the columns for the table security_alerts.
var securityAlertsColumns = SecurityAlertsColumns{
	Id:         "id",
	CheckName:  "check_name",
	OpenKey:    "open_key",
	Status:     "status",
	Severity:   "severity",
	Message:    "message",
	FirstSeen:  "first_seen",
	LastSeen:   "last_seen",
	Count:      "count",
	ResolvedAt: "resolved_at",
}

// NewSecurityAlertsDao creates and returns a new DAO object for table data access.
func NewSecurityAlertsDao(handlers ...gdb.ModelHandler) *SecurityAlertsDao {
	return &SecurityAlertsDao{
		group:    "default",
		table:    "security_alerts",
		columns:  securityAlertsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *SecurityAlertsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *SecurityAlertsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *SecurityAlertsDao) Columns() SecurityAlertsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *SecurityAlertsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *SecurityAlertsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *SecurityAlertsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
