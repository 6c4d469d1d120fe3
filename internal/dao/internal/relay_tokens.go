// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// RelayTokensDao is the data access object for the table relay_tokens.
type RelayTokensDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  RelayTokensColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// RelayTokensColumns defines and stores column names for the table relay_tokens.
type RelayTokensColumns struct {
	Id            string //
	UserId        string //
	Name          string //
	KeyHash       string //
	KeyHint       string //
	Status        string //
	ExpiresAt     string //
	QuotaLimit    string //
	UsedQuota     string //
	AllowedModels string //
	AllowedIps    string //
	RpmLimit      string //
	LastUsedAt    string //
	CreatedAt     string //
	UpdatedAt     string //
	DeletedAt     string //
}

// relayTokensColumns holds the columns for the table relay_tokens.
var relayTokensColumns = RelayTokensColumns{
	Id:            "id",
	UserId:        "user_id",
	Name:          "name",
	KeyHash:       "key_hash",
	KeyHint:       "key_hint",
	Status:        "status",
	ExpiresAt:     "expires_at",
	QuotaLimit:    "quota_limit",
	UsedQuota:     "used_quota",
	AllowedModels: "allowed_models",
	AllowedIps:    "allowed_ips",
	RpmLimit:      "rpm_limit",
	LastUsedAt:    "last_used_at",
	CreatedAt:     "created_at",
	UpdatedAt:     "updated_at",
	DeletedAt:     "deleted_at",
}

// NewRelayTokensDao creates and returns a new DAO object for table data access.
func NewRelayTokensDao(handlers ...gdb.ModelHandler) *RelayTokensDao {
	return &RelayTokensDao{
		group:    "default",
		table:    "relay_tokens",
		columns:  relayTokensColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *RelayTokensDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *RelayTokensDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *RelayTokensDao) Columns() RelayTokensColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *RelayTokensDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *RelayTokensDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *RelayTokensDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
