// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// DerpRentalsDao is the data access object for the table derp_rentals.
type DerpRentalsDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  DerpRentalsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// DerpRentalsColumns defines and stores column names for the table derp_rentals.
type DerpRentalsColumns struct {
	Id                 string //
	RentalNo           string //
	UserId             string //
	DistributorId      string //
	PlanId             string //
	State              string //
	SuspendReason      string //
	HoldReason         string //
	StartedAt          string //
	ExpiresAt          string //
	TrafficQuotaBytes  string //
	TrafficUsedBytes   string //
	TrafficNoticeAt    string //
	MaxDevices         string //
	OmitDefaultRegions string //
	LearnUntil         string //
	PlacementDegraded  string //
	AclVersion         string //
	AutoRenew          string //
	DeregisteredAt     string //
	CreatedAt          string //
	UpdatedAt          string //
}

// derpRentalsColumns holds the columns for the table derp_rentals.
var derpRentalsColumns = DerpRentalsColumns{
	Id:                 "id",
	RentalNo:           "rental_no",
	UserId:             "user_id",
	DistributorId:      "distributor_id",
	PlanId:             "plan_id",
	State:              "state",
	SuspendReason:      "suspend_reason",
	HoldReason:         "hold_reason",
	StartedAt:          "started_at",
	ExpiresAt:          "expires_at",
	TrafficQuotaBytes:  "traffic_quota_bytes",
	TrafficUsedBytes:   "traffic_used_bytes",
	TrafficNoticeAt:    "traffic_notice_at",
	MaxDevices:         "max_devices",
	OmitDefaultRegions: "omit_default_regions",
	LearnUntil:         "learn_until",
	PlacementDegraded:  "placement_degraded",
	AclVersion:         "acl_version",
	AutoRenew:          "auto_renew",
	DeregisteredAt:     "deregistered_at",
	CreatedAt:          "created_at",
	UpdatedAt:          "updated_at",
}

// NewDerpRentalsDao creates and returns a new DAO object for table data access.
func NewDerpRentalsDao(handlers ...gdb.ModelHandler) *DerpRentalsDao {
	return &DerpRentalsDao{
		group:    "default",
		table:    "derp_rentals",
		columns:  derpRentalsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *DerpRentalsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *DerpRentalsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *DerpRentalsDao) Columns() DerpRentalsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *DerpRentalsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *DerpRentalsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *DerpRentalsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
