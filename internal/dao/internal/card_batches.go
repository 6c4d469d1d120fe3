// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// CardBatchesDao is the data access object for the table card_batches.
type CardBatchesDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  CardBatchesColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// CardBatchesColumns defines and stores column names for the table card_batches.
type CardBatchesColumns struct {
	Id              string //
	ProjectId       string //
	PlanId          string //
	OwnerId         string //
	PlanName        string //
	DurationSeconds string //
	MaxDevices      string //
	Count           string //
	GeneratedCount  string //
	Price           string //
	Cost            string //
	ReservationId   string //
	Remark          string //
	Status          string //
	IdemKey         string //
	DisabledAt      string //
	DisabledBy      string //
	CreatedAt       string //
	UpdatedAt       string //
}

// cardBatchesColumns holds the columns for the table card_batches.
var cardBatchesColumns = CardBatchesColumns{
	Id:              "id",
	ProjectId:       "project_id",
	PlanId:          "plan_id",
	OwnerId:         "owner_id",
	PlanName:        "plan_name",
	DurationSeconds: "duration_seconds",
	MaxDevices:      "max_devices",
	Count:           "count",
	GeneratedCount:  "generated_count",
	Price:           "price",
	Cost:            "cost",
	ReservationId:   "reservation_id",
	Remark:          "remark",
	Status:          "status",
	IdemKey:         "idem_key",
	DisabledAt:      "disabled_at",
	DisabledBy:      "disabled_by",
	CreatedAt:       "created_at",
	UpdatedAt:       "updated_at",
}

// NewCardBatchesDao creates and returns a new DAO object for table data access.
func NewCardBatchesDao(handlers ...gdb.ModelHandler) *CardBatchesDao {
	return &CardBatchesDao{
		group:    "default",
		table:    "card_batches",
		columns:  cardBatchesColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *CardBatchesDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *CardBatchesDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *CardBatchesDao) Columns() CardBatchesColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *CardBatchesDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *CardBatchesDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *CardBatchesDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
