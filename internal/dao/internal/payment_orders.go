// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// PaymentOrdersDao is the data access object for the table payment_orders.
type PaymentOrdersDao struct {
	table    string               // table is the underlying table name of the DAO.
	group    string               // group is the database configuration group name of the current DAO.
	columns  PaymentOrdersColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler   // handlers for customized model modification.
}

// PaymentOrdersColumns defines and stores column names for the table payment_orders.
type PaymentOrdersColumns struct {
	Id               string //
	UserId           string //
	Channel          string //
	OutTradeNo       string //
	TradeNo          string //
	Amount           string //
	Status           string //
	PayUrl           string //
	MovementId       string //
	RefundMovementId string //
	PaidAt           string //
	ClosedAt         string //
	RefundedAt       string //
	ExpiresAt        string //
	CreatedAt        string //
	UpdatedAt        string //
}

// paymentOrdersColumns holds the columns for the table payment_orders.
var paymentOrdersColumns = PaymentOrdersColumns{
	Id:               "id",
	UserId:           "user_id",
	Channel:          "channel",
	OutTradeNo:       "out_trade_no",
	TradeNo:          "trade_no",
	Amount:           "amount",
	Status:           "status",
	PayUrl:           "pay_url",
	MovementId:       "movement_id",
	RefundMovementId: "refund_movement_id",
	PaidAt:           "paid_at",
	ClosedAt:         "closed_at",
	RefundedAt:       "refunded_at",
	ExpiresAt:        "expires_at",
	CreatedAt:        "created_at",
	UpdatedAt:        "updated_at",
}

// NewPaymentOrdersDao creates and returns a new DAO object for table data access.
func NewPaymentOrdersDao(handlers ...gdb.ModelHandler) *PaymentOrdersDao {
	return &PaymentOrdersDao{
		group:    "default",
		table:    "payment_orders",
		columns:  paymentOrdersColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *PaymentOrdersDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *PaymentOrdersDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *PaymentOrdersDao) Columns() PaymentOrdersColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *PaymentOrdersDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *PaymentOrdersDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *PaymentOrdersDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
