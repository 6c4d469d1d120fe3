// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package system

import (
	"context"

	"kami/api/system/v1"
)

type ISystemV1 interface {
	JobList(ctx context.Context, req *v1.JobListReq) (res *v1.JobListRes, err error)
	JobUpdate(ctx context.Context, req *v1.JobUpdateReq) (res *v1.JobUpdateRes, err error)
	JobRun(ctx context.Context, req *v1.JobRunReq) (res *v1.JobRunRes, err error)
	JobRuns(ctx context.Context, req *v1.JobRunsReq) (res *v1.JobRunsRes, err error)
	OperationLogList(ctx context.Context, req *v1.OperationLogListReq) (res *v1.OperationLogListRes, err error)
	OperationLogExport(ctx context.Context, req *v1.OperationLogExportReq) (res *v1.OperationLogExportRes, err error)
	LoginLogList(ctx context.Context, req *v1.LoginLogListReq) (res *v1.LoginLogListRes, err error)
	LoginLogExport(ctx context.Context, req *v1.LoginLogExportReq) (res *v1.LoginLogExportRes, err error)
}
