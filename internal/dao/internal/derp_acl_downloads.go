// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpAclDownloadsDao is the data access object for the table derp_acl_downloads.
type DerpAclDownloadsDao struct {
	table    string                  // table is the underlying table name of the DAO.
	group    string                  // group is the database configuration group name of the current DAO.
	columns  DerpAclDownloadsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler      // handlers for customized model modification.
}

// DerpAclDownloadsColumns defines and stores column names for the table derp_acl_downloads.
type DerpAclDownloadsColumns struct {
	Id            string //
	RentalId      string //
	CustomerId    string //
	DistributorId string //
	Version       string //
	UserId        string //
	Username      string //
	Ip            string //
	Geo           string //
	MachineCode   string //
	Browser       string //
	UserAgent     string //
	Format        string //
	Result        string //
	Reason        string //
	CreatedAt     string //
	UpdatedAt     string //
}

// derpAclDownloadsColumns holds the columns for the table derp_acl_downloads.
var derpAclDownloadsColumns = DerpAclDownloadsColumns{
	Id:            "id",
	RentalId:      "rental_id",
	CustomerId:    "customer_id",
	DistributorId: "distributor_id",
	Version:       "version",
	UserId:        "user_id",
	Username:      "username",
	Ip:            "ip",
	Geo:           "geo",
	MachineCode:   "machine_code",
	Browser:       "browser",
	UserAgent:     "user_agent",
	Format:        "format",
	Result:        "result",
	Reason:        "reason",
	CreatedAt:     "created_at",
	UpdatedAt:     "updated_at",
}

// NewDerpAclDownloadsDao creates and returns a new DAO object for table data access.
func NewDerpAclDownloadsDao(handlers ...gdb.ModelHandler) *DerpAclDownloadsDao {
	return &DerpAclDownloadsDao{
		group:    "default",
		table:    "derp_acl_downloads",
		columns:  derpAclDownloadsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpAclDownloadsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpAclDownloadsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpAclDownloadsDao) Columns() DerpAclDownloadsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpAclDownloadsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpAclDownloadsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpAclDownloadsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
