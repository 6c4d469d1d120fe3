// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProxyInstanceDao is the data access object for the table proxy_instance.
type ProxyInstanceDao struct {
	table    string               // table is the underlying table name of the DAO.
	group    string               // group is the database configuration group name of the current DAO.
	columns  ProxyInstanceColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler   // handlers for customized model modification.
}

// ProxyInstanceColumns defines and stores column names for the table proxy_instance.
type ProxyInstanceColumns struct {
	Id          string //
	InstanceNo  string //
	AgentId     string //
	UserId      string //
	OrderId     string //
	ProductNo   string //
	ProxyType   string //
	Protocol    string //
	Ip          string //
	Port        string //
	Username    string //
	Password    string //
	CountryCode string //
	CityCode    string //
	Status      string //
	ExpiresAt   string //
	AutoRenew   string //
	BusyOrderId string //
	Remark      string //
	ReleasedAt  string //
	RemindedFor string //
	RenewedFor  string //
	Version     string //
	CreatedAt   string //
	UpdatedAt   string //
}

// proxyInstanceColumns holds the columns for the table proxy_instance.
var proxyInstanceColumns = ProxyInstanceColumns{
	Id:          "id",
	InstanceNo:  "instance_no",
	AgentId:     "agent_id",
	UserId:      "user_id",
	OrderId:     "order_id",
	ProductNo:   "product_no",
	ProxyType:   "proxy_type",
	Protocol:    "protocol",
	Ip:          "ip",
	Port:        "port",
	Username:    "username",
	Password:    "password",
	CountryCode: "country_code",
	CityCode:    "city_code",
	Status:      "status",
	ExpiresAt:   "expires_at",
	AutoRenew:   "auto_renew",
	BusyOrderId: "busy_order_id",
	Remark:      "remark",
	ReleasedAt:  "released_at",
	RemindedFor: "reminded_for",
	RenewedFor:  "renewed_for",
	Version:     "version",
	CreatedAt:   "created_at",
	UpdatedAt:   "updated_at",
}

// NewProxyInstanceDao creates and returns a new DAO object for table data access.
func NewProxyInstanceDao(handlers ...gdb.ModelHandler) *ProxyInstanceDao {
	return &ProxyInstanceDao{
		group:    "default",
		table:    "proxy_instance",
		columns:  proxyInstanceColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProxyInstanceDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProxyInstanceDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProxyInstanceDao) Columns() ProxyInstanceColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProxyInstanceDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProxyInstanceDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProxyInstanceDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
