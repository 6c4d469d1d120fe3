// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpAlertsDao is the data access object for the table derp_alerts.
type DerpAlertsDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  DerpAlertsColumns  // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// DerpAlertsColumns defines and stores column names for the table derp_alerts.
type DerpAlertsColumns struct {
	Id          string //
	Kind        string //
	Severity    string //
	ServerId    string //
	ContainerId string //
	RentalId    string //
	Message     string //
	DedupKey    string //
	State       string //
	AckedBy     string //
	AckedAt     string //
	CreatedAt   string //
	UpdatedAt   string //
}

// derpAlertsColumns holds the columns for the table derp_alerts.
var derpAlertsColumns = DerpAlertsColumns{
	Id:          "id",
	Kind:        "kind",
	Severity:    "severity",
	ServerId:    "server_id",
	ContainerId: "container_id",
	RentalId:    "rental_id",
	Message:     "message",
	DedupKey:    "dedup_key",
	State:       "state",
	AckedBy:     "acked_by",
	AckedAt:     "acked_at",
	CreatedAt:   "created_at",
	UpdatedAt:   "updated_at",
}

// NewDerpAlertsDao creates and returns a new DAO object for table data access.
func NewDerpAlertsDao(handlers ...gdb.ModelHandler) *DerpAlertsDao {
	return &DerpAlertsDao{
		group:    "default",
		table:    "derp_alerts",
		columns:  derpAlertsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpAlertsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpAlertsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpAlertsDao) Columns() DerpAlertsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpAlertsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpAlertsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpAlertsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
