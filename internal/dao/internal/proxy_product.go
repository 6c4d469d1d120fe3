// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// ProxyProductDao is the data access object for the table proxy_product.
type ProxyProductDao struct {
	table    string              // table is the underlying table name of the DAO.
	group    string              // group is the database configuration group name of the current DAO.
	columns  ProxyProductColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler  // handlers for customized model modification.
}

// ProxyProductColumns defines and stores column names for the table proxy_product.
type ProxyProductColumns struct {
	Id               string //
	ProductNo        string //
	Name             string //
	DisplayName      string //
	ProxyType        string //
	Kind             string //
	CountryCode      string //
	StateCode        string //
	CityCode         string //
	Unit             string //
	Duration         string //
	Inventory        string //
	DrawType         string //
	AssignIp         string //
	IpCount          string //
	RefundDuration   string //
	FlowBase         string //
	CapIpWhiteList   string //
	CapPwdDraw       string //
	CapUserFlowLimit string //
	CapFlowUseLog    string //
	UpstreamEnable   string //
	UpstreamStatus   string //
	CostPrice        string //
	CostPriceRaw     string //
	SalePrice        string //
	Sellable         string //
	Sort             string //
	RawHash          string //
	Version          string //
	SyncedAt         string //
	CreatedAt        string //
	UpdatedAt        string //
}

// proxyProductColumns holds the columns for the table proxy_product.
var proxyProductColumns = ProxyProductColumns{
	Id:               "id",
	ProductNo:        "product_no",
	Name:             "name",
	DisplayName:      "display_name",
	ProxyType:        "proxy_type",
	Kind:             "kind",
	CountryCode:      "country_code",
	StateCode:        "state_code",
	CityCode:         "city_code",
	Unit:             "unit",
	Duration:         "duration",
	Inventory:        "inventory",
	DrawType:         "draw_type",
	AssignIp:         "assign_ip",
	IpCount:          "ip_count",
	RefundDuration:   "refund_duration",
	FlowBase:         "flow_base",
	CapIpWhiteList:   "cap_ip_white_list",
	CapPwdDraw:       "cap_pwd_draw",
	CapUserFlowLimit: "cap_user_flow_limit",
	CapFlowUseLog:    "cap_flow_use_log",
	UpstreamEnable:   "upstream_enable",
	UpstreamStatus:   "upstream_status",
	CostPrice:        "cost_price",
	CostPriceRaw:     "cost_price_raw",
	SalePrice:        "sale_price",
	Sellable:         "sellable",
	Sort:             "sort",
	RawHash:          "raw_hash",
	Version:          "version",
	SyncedAt:         "synced_at",
	CreatedAt:        "created_at",
	UpdatedAt:        "updated_at",
}

// NewProxyProductDao creates and returns a new DAO object for table data access.
func NewProxyProductDao(handlers ...gdb.ModelHandler) *ProxyProductDao {
	return &ProxyProductDao{
		group:    "default",
		table:    "proxy_product",
		columns:  proxyProductColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *ProxyProductDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *ProxyProductDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *ProxyProductDao) Columns() ProxyProductColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *ProxyProductDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *ProxyProductDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *ProxyProductDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
