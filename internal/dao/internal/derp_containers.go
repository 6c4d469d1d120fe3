// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpContainersDao is the data access object for the table derp_containers.
type DerpContainersDao struct {
	table    string                // table is the underlying table name of the DAO.
	group    string                // group is the database configuration group name of the current DAO.
	columns  DerpContainersColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler    // handlers for customized model modification.
}

// DerpContainersColumns defines and stores column names for the table derp_containers.
type DerpContainersColumns struct {
	Id               string //
	RentalId         string //
	ServerId         string //
	HaIndex          string //
	Port             string //
	TokenGen         string //
	SpecHash         string //
	Desired          string //
	State            string //
	OpGen            string //
	LastError        string //
	RxLast           string //
	TxLast           string //
	RxTotal          string //
	TxTotal          string //
	CounterStartedAt string //
	RateBps          string //
	RateHighStreak   string //
	ProbeOk          string //
	LatencyMs        string //
	DownSince        string //
	RemovedAt        string //
	CreatedAt        string //
	UpdatedAt        string //
}

// derpContainersColumns holds the columns for the table derp_containers.
var derpContainersColumns = DerpContainersColumns{
	Id:               "id",
	RentalId:         "rental_id",
	ServerId:         "server_id",
	HaIndex:          "ha_index",
	Port:             "port",
	TokenGen:         "token_gen",
	SpecHash:         "spec_hash",
	Desired:          "desired",
	State:            "state",
	OpGen:            "op_gen",
	LastError:        "last_error",
	RxLast:           "rx_last",
	TxLast:           "tx_last",
	RxTotal:          "rx_total",
	TxTotal:          "tx_total",
	CounterStartedAt: "counter_started_at",
	RateBps:          "rate_bps",
	RateHighStreak:   "rate_high_streak",
	ProbeOk:          "probe_ok",
	LatencyMs:        "latency_ms",
	DownSince:        "down_since",
	RemovedAt:        "removed_at",
	CreatedAt:        "created_at",
	UpdatedAt:        "updated_at",
}

// NewDerpContainersDao creates and returns a new DAO object for table data access.
func NewDerpContainersDao(handlers ...gdb.ModelHandler) *DerpContainersDao {
	return &DerpContainersDao{
		group:    "default",
		table:    "derp_containers",
		columns:  derpContainersColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpContainersDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpContainersDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpContainersDao) Columns() DerpContainersColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpContainersDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpContainersDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpContainersDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
