// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// JobRunsDao is the data access object for the table job_runs.
type JobRunsDao struct {
	table    string             // table is the underlying table name of the DAO.
	group    string             // group is the database configuration group name of the current DAO.
	columns  JobRunsColumns     // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler // handlers for customized model modification.
}

// JobRunsColumns defines and stores column names for the table job_runs.
type JobRunsColumns struct {
	Id          string //
	Job         string //
	Node        string //
	TriggerType string //
	TriggeredBy string //
	Status      string //
	Items       string //
	Error       string //
	StartedAt   string //
	FinishedAt  string //
	DurationMs  string //
}

// jobRunsColumns holds the columns for the table job_runs.
var jobRunsColumns = JobRunsColumns{
	Id:          "id",
	Job:         "job",
	Node:        "node",
	TriggerType: "trigger_type",
	TriggeredBy: "triggered_by",
	Status:      "status",
	Items:       "items",
	Error:       "error",
	StartedAt:   "started_at",
	FinishedAt:  "finished_at",
	DurationMs:  "duration_ms",
}

// NewJobRunsDao creates and returns a new DAO object for table data access.
func NewJobRunsDao(handlers ...gdb.ModelHandler) *JobRunsDao {
	return &JobRunsDao{
		group:    "default",
		table:    "job_runs",
		columns:  jobRunsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *JobRunsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *JobRunsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *JobRunsDao) Columns() JobRunsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *JobRunsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *JobRunsDao) Ctx(ctx context.Context) *gdb.Model {
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
func (dao *JobRunsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
