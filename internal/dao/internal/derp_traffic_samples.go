// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpTrafficSamplesDao is the data access object for the table derp_traffic_samples.
type DerpTrafficSamplesDao struct {
	table    string                    // table is the underlying table name of the DAO.
	group    string                    // group is the database configuration group name of the current DAO.
	columns  DerpTrafficSamplesColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler        // handlers for customized model modification.
}

// DerpTrafficSamplesColumns defines and stores column names for the table derp_traffic_samples.
type DerpTrafficSamplesColumns struct {
	ContainerId string //
	BucketTs    string //
	RxBytes     string //
	TxBytes     string //
	RateBps     string //
	CreatedAt   string //
	UpdatedAt   string //
}

// derpTrafficSamplesColumns holds the columns for the table derp_traffic_samples.
var derpTrafficSamplesColumns = DerpTrafficSamplesColumns{
	ContainerId: "container_id",
	BucketTs:    "bucket_ts",
	RxBytes:     "rx_bytes",
	TxBytes:     "tx_bytes",
	RateBps:     "rate_bps",
	CreatedAt:   "created_at",
	UpdatedAt:   "updated_at",
}

// NewDerpTrafficSamplesDao creates and returns a new DAO object for table data access.
func NewDerpTrafficSamplesDao(handlers ...gdb.ModelHandler) *DerpTrafficSamplesDao {
	return &DerpTrafficSamplesDao{
		group:    "default",
		table:    "derp_traffic_samples",
		columns:  derpTrafficSamplesColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpTrafficSamplesDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpTrafficSamplesDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpTrafficSamplesDao) Columns() DerpTrafficSamplesColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpTrafficSamplesDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpTrafficSamplesDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpTrafficSamplesDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
