// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProxyOrderDao is the data access object for the table proxy_order.
type ProxyOrderDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  ProxyOrderColumns  // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// ProxyOrderColumns defines and stores column names for the table proxy_order.
type ProxyOrderColumns struct {
	Id              string //
	AppOrderNo      string //
	ReqId           string //
	Kind            string //
	Status          string //
	AgentId         string //
	UserId          string //
	ProductNo       string //
	Quantity        string //
	CycleTimes      string //
	UnitPrice       string //
	SaleAmount      string //
	ChargedAmount   string //
	RefundAmount    string //
	CostAmount      string //
	SuccessCount    string //
	ReservationId   string //
	UpstreamPath    string //
	RequestBody     string //
	UpstreamOrderNo string //
	UpstreamStatus  string //
	InstanceNos     string //
	LastError       string //
	Sends           string //
	Checks          string //
	NextCheckAt     string //
	Version         string //
	CreatedAt       string //
	UpdatedAt       string //
	FinishedAt      string //
	AutoRenew       string //
}

// proxyOrderColumns holds the columns for the table proxy_order.
var proxyOrderColumns = ProxyOrderColumns{
	Id:              "id",
	AppOrderNo:      "app_order_no",
	ReqId:           "req_id",
	Kind:            "kind",
	Status:          "status",
	AgentId:         "agent_id",
	UserId:          "user_id",
	ProductNo:       "product_no",
	Quantity:        "quantity",
	CycleTimes:      "cycle_times",
	UnitPrice:       "unit_price",
	SaleAmount:      "sale_amount",
	ChargedAmount:   "charged_amount",
	RefundAmount:    "refund_amount",
	CostAmount:      "cost_amount",
	SuccessCount:    "success_count",
	ReservationId:   "reservation_id",
	UpstreamPath:    "upstream_path",
	RequestBody:     "request_body",
	UpstreamOrderNo: "upstream_order_no",
	UpstreamStatus:  "upstream_status",
	InstanceNos:     "instance_nos",
	LastError:       "last_error",
	Sends:           "sends",
	Checks:          "checks",
	NextCheckAt:     "next_check_at",
	Version:         "version",
	CreatedAt:       "created_at",
	UpdatedAt:       "updated_at",
	FinishedAt:      "finished_at",
	AutoRenew:       "auto_renew",
}

// NewProxyOrderDao creates and returns a new DAO object for table data access.
func NewProxyOrderDao(handlers ...gdb.ModelHandler) *ProxyOrderDao {
	return &ProxyOrderDao{
		group:    "default",
		table:    "proxy_order",
		columns:  proxyOrderColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProxyOrderDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProxyOrderDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProxyOrderDao) Columns() ProxyOrderColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProxyOrderDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProxyOrderDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProxyOrderDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
