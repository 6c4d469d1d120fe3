// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpOrdersDao is the data access object for the table derp_orders.
type DerpOrdersDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  DerpOrdersColumns  // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// DerpOrdersColumns defines and stores column names for the table derp_orders.
type DerpOrdersColumns struct {
	Id            string //
	OrderNo       string //
	Kind          string //
	BuyerId       string //
	DistributorId string //
	PlanId        string //
	Count         string //
	ListPrice     string //
	Tier          string //
	DiscountBps   string //
	UnitPrice     string //
	Amount        string //
	CommissionBps string //
	Commission    string //
	CommissionTo  string //
	Refunded      string //
	PayMethod     string //
	Status        string //
	RentalId      string //
	SerialId      string //
	BatchId       string //
	IdemKey       string //
	Remark        string //
	ReviewReason  string //
	ReviewedBy    string //
	ReviewedAt    string //
	CompletedAt   string //
	CreatedAt     string //
	UpdatedAt     string //
}

// derpOrdersColumns holds the columns for the table derp_orders.
var derpOrdersColumns = DerpOrdersColumns{
	Id:            "id",
	OrderNo:       "order_no",
	Kind:          "kind",
	BuyerId:       "buyer_id",
	DistributorId: "distributor_id",
	PlanId:        "plan_id",
	Count:         "count",
	ListPrice:     "list_price",
	Tier:          "tier",
	DiscountBps:   "discount_bps",
	UnitPrice:     "unit_price",
	Amount:        "amount",
	CommissionBps: "commission_bps",
	Commission:    "commission",
	CommissionTo:  "commission_to",
	Refunded:      "refunded",
	PayMethod:     "pay_method",
	Status:        "status",
	RentalId:      "rental_id",
	SerialId:      "serial_id",
	BatchId:       "batch_id",
	IdemKey:       "idem_key",
	Remark:        "remark",
	ReviewReason:  "review_reason",
	ReviewedBy:    "reviewed_by",
	ReviewedAt:    "reviewed_at",
	CompletedAt:   "completed_at",
	CreatedAt:     "created_at",
	UpdatedAt:     "updated_at",
}

// NewDerpOrdersDao creates and returns a new DAO object for table data access.
func NewDerpOrdersDao(handlers ...gdb.ModelHandler) *DerpOrdersDao {
	return &DerpOrdersDao{
		group:    "default",
		table:    "derp_orders",
		columns:  derpOrdersColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpOrdersDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpOrdersDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpOrdersDao) Columns() DerpOrdersColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpOrdersDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpOrdersDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpOrdersDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
