// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpAclVersionsDao is the data access object for the table derp_acl_versions.
type DerpAclVersionsDao struct {
	table    string                 // table is the underlying table name of the DAO.
	group    string                 // group is the database configuration group name of the current DAO.
	columns  DerpAclVersionsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler     // handlers for customized model modification.
}

// DerpAclVersionsColumns defines and stores column names for the table derp_acl_versions.
type DerpAclVersionsColumns struct {
	Id          string //
	RentalId    string //
	Version     string //
	Sha256      string //
	Body        string //
	GeneratedAt string //
	ValidUntil  string //
	GenTrigger  string //
	ActorId     string //
	ActorIp     string //
	ActorGeo    string //
	Status      string //
	CreatedAt   string //
	UpdatedAt   string //
}

// derpAclVersionsColumns holds the columns for the table derp_acl_versions.
var derpAclVersionsColumns = DerpAclVersionsColumns{
	Id:          "id",
	RentalId:    "rental_id",
	Version:     "version",
	Sha256:      "sha256",
	Body:        "body",
	GeneratedAt: "generated_at",
	ValidUntil:  "valid_until",
	GenTrigger:  "gen_trigger",
	ActorId:     "actor_id",
	ActorIp:     "actor_ip",
	ActorGeo:    "actor_geo",
	Status:      "status",
	CreatedAt:   "created_at",
	UpdatedAt:   "updated_at",
}

// NewDerpAclVersionsDao creates and returns a new DAO object for table data access.
func NewDerpAclVersionsDao(handlers ...gdb.ModelHandler) *DerpAclVersionsDao {
	return &DerpAclVersionsDao{
		group:    "default",
		table:    "derp_acl_versions",
		columns:  derpAclVersionsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpAclVersionsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpAclVersionsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpAclVersionsDao) Columns() DerpAclVersionsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpAclVersionsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpAclVersionsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpAclVersionsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
