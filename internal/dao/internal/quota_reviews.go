// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// QuotaReviewsDao is the data access object for the table quota_reviews.
type QuotaReviewsDao struct {
	table    string              // table is the underlying table name of the DAO.
	group    string              // group is the database configuration group name of the current DAO.
	columns  QuotaReviewsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler  // handlers for customized model modification.
}

// QuotaReviewsColumns defines and stores column names for the table quota_reviews.
type QuotaReviewsColumns struct {
	Id             string //
	Kind           string //
	UserId         string //
	ToUserId       string //
	Amount         string //
	ApprovedAmount string //
	Rules          string //
	Remark         string //
	Status         string //
	ReservationId  string //
	WithdrawalId   string //
	MovementId     string //
	Note           string //
	ReviewerId     string //
	DecidedAt      string //
	CreatedAt      string //
	UpdatedAt      string //
}

// quotaReviewsColumns holds the columns for the table quota_reviews.
var quotaReviewsColumns = QuotaReviewsColumns{
	Id:             "id",
	Kind:           "kind",
	UserId:         "user_id",
	ToUserId:       "to_user_id",
	Amount:         "amount",
	ApprovedAmount: "approved_amount",
	Rules:          "rules",
	Remark:         "remark",
	Status:         "status",
	ReservationId:  "reservation_id",
	WithdrawalId:   "withdrawal_id",
	MovementId:     "movement_id",
	Note:           "note",
	ReviewerId:     "reviewer_id",
	DecidedAt:      "decided_at",
	CreatedAt:      "created_at",
	UpdatedAt:      "updated_at",
}

// NewQuotaReviewsDao creates and returns a new DAO object for table data access.
func NewQuotaReviewsDao(handlers ...gdb.ModelHandler) *QuotaReviewsDao {
	return &QuotaReviewsDao{
		group:    "default",
		table:    "quota_reviews",
		columns:  quotaReviewsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *QuotaReviewsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *QuotaReviewsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *QuotaReviewsDao) Columns() QuotaReviewsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *QuotaReviewsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *QuotaReviewsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *QuotaReviewsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
