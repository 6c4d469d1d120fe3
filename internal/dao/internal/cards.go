// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// CardsDao is the data access object for the table cards.
type CardsDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  CardsColumns       // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// CardsColumns defines and stores column names for the table cards.
type CardsColumns struct {
	Id              string //
	ProjectId       string //
	BatchId         string //
	PlanId          string //
	OwnerId         string //
	KeyHash         string //
	KeySealed       string //
	KeyMask         string //
	Status          string //
	DurationSeconds string //
	MaxDevices      string //
	BoundDevices    string //
	ActivatedAt     string //
	ExpiresAt       string //
	LastVerifiedAt  string //
	UnbindCount     string //
	LastUnbindAt    string //
	DisabledAt      string //
	Version         string //
	CreatedAt       string //
	UpdatedAt       string //
}

// cardsColumns holds the columns for the table cards.
var cardsColumns = CardsColumns{
	Id:              "id",
	ProjectId:       "project_id",
	BatchId:         "batch_id",
	PlanId:          "plan_id",
	OwnerId:         "owner_id",
	KeyHash:         "key_hash",
	KeySealed:       "key_sealed",
	KeyMask:         "key_mask",
	Status:          "status",
	DurationSeconds: "duration_seconds",
	MaxDevices:      "max_devices",
	BoundDevices:    "bound_devices",
	ActivatedAt:     "activated_at",
	ExpiresAt:       "expires_at",
	LastVerifiedAt:  "last_verified_at",
	UnbindCount:     "unbind_count",
	LastUnbindAt:    "last_unbind_at",
	DisabledAt:      "disabled_at",
	Version:         "version",
	CreatedAt:       "created_at",
	UpdatedAt:       "updated_at",
}

// NewCardsDao creates and returns a new DAO object for table data access.
func NewCardsDao(handlers ...gdb.ModelHandler) *CardsDao {
	return &CardsDao{
		group:    "default",
		table:    "cards",
		columns:  cardsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *CardsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *CardsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *CardsDao) Columns() CardsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *CardsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *CardsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *CardsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
