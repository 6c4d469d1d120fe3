// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProxyUserDao is the data access object for the table proxy_user.
type ProxyUserDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  ProxyUserColumns   // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// ProxyUserColumns defines and stores column names for the table proxy_user.
type ProxyUserColumns struct {
	Id               string //
	AgentId          string //
	Username         string //
	AppUsername      string //
	UpstreamUsername string //
	Password         string //
	Remark           string //
	Status           string //
	FlowLimit        string //
	Version          string //
	CreatedAt        string //
	UpdatedAt        string //
}

// proxyUserColumns holds the columns for the table proxy_user.
var proxyUserColumns = ProxyUserColumns{
	Id:               "id",
	AgentId:          "agent_id",
	Username:         "username",
	AppUsername:      "app_username",
	UpstreamUsername: "upstream_username",
	Password:         "password",
	Remark:           "remark",
	Status:           "status",
	FlowLimit:        "flow_limit",
	Version:          "version",
	CreatedAt:        "created_at",
	UpdatedAt:        "updated_at",
}

// NewProxyUserDao creates and returns a new DAO object for table data access.
func NewProxyUserDao(handlers ...gdb.ModelHandler) *ProxyUserDao {
	return &ProxyUserDao{
		group:    "default",
		table:    "proxy_user",
		columns:  proxyUserColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProxyUserDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProxyUserDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProxyUserDao) Columns() ProxyUserColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProxyUserDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProxyUserDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProxyUserDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
