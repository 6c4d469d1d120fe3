// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/system/v1"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/model"

	"github.com/gogf/gf/v2/os/glog"
)

type (
	ILogs interface {
		// Capture is the glog handler (boot installs it after EscapeLog): it queues the warnings and
		// errors and always passes the entry on.
		Capture(ctx context.Context, in *glog.HandlerInput)
		// Note puts an operations event (a backup written, a restore approved) into the system log at
		// level info: the process log's info lines are not stored, these are.
		Note(ctx context.Context, module string, message string)
		// StartCapture starts the writer; entries logged before it wait in the queue.
		StartCapture(ctx context.Context)
		// StopCapture writes what is queued and ends the writer.
		StopCapture()
		// OperationExport downloads every operation log row matching the filter (not one page).
		OperationExport(ctx context.Context, req *v1.OperationLogExportReq) (*model.Download, error)
		// LoginExport downloads every login log row matching the filter.
		LoginExport(ctx context.Context, req *v1.LoginLogExportReq) (*model.Download, error)
		// OperationList pages the operation log rows the caller may see.
		OperationList(ctx context.Context, req *v1.OperationLogListReq) (*v1.OperationLogListRes, error)
		// LoginList pages the login log rows the caller may see. Failed attempts on unknown usernames
		// carry no user id, so only the super-admin sees them.
		LoginList(ctx context.Context, req *v1.LoginLogListReq) (*v1.LoginLogListRes, error)
		// SetClock hands the service its clock; boot calls it before serving.
		SetClock(c clock.Clock)
		// Configure hands the service the configuration it reads (retention window, data dir, export
		// cap); boot calls it before serving.
		Configure(cfg func() *config.Config)
		// Retain removes the old rows of every registered table as of the service's clock (the
		// log.retention job): history tables past kami.logRetention are archived, then deleted; tables
		// with their own window (outbox.retention, notify.retention) are deleted in batches. A window of
		// 0 keeps that table's rows.
		Retain(ctx context.Context) (int, error)
		// SystemList pages the system log.
		SystemList(ctx context.Context, req *v1.SystemLogListReq) (*v1.SystemLogListRes, error)
		// SystemExport downloads every system log row matching the filter.
		SystemExport(ctx context.Context, req *v1.SystemLogExportReq) (*model.Download, error)
	}
)

var (
	localLogs ILogs
)

func Logs() ILogs {
	if localLogs == nil {
		panic("implement not found for interface ILogs, forgot register?")
	}
	return localLogs
}

func RegisterLogs(i ILogs) {
	localLogs = i
}
