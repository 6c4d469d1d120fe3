// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package system

import (
	"context"

	"kami/api/system/v1"
)

type ISystemV1 interface {
	BackupList(ctx context.Context, req *v1.BackupListReq) (res *v1.BackupListRes, err error)
	BackupCreate(ctx context.Context, req *v1.BackupCreateReq) (res *v1.BackupCreateRes, err error)
	RestoreRequestCreate(ctx context.Context, req *v1.RestoreRequestCreateReq) (res *v1.RestoreRequestCreateRes, err error)
	RestoreRequestApprove(ctx context.Context, req *v1.RestoreRequestApproveReq) (res *v1.RestoreRequestApproveRes, err error)
	JobList(ctx context.Context, req *v1.JobListReq) (res *v1.JobListRes, err error)
	JobUpdate(ctx context.Context, req *v1.JobUpdateReq) (res *v1.JobUpdateRes, err error)
	JobRun(ctx context.Context, req *v1.JobRunReq) (res *v1.JobRunRes, err error)
	JobRuns(ctx context.Context, req *v1.JobRunsReq) (res *v1.JobRunsRes, err error)
	OperationLogList(ctx context.Context, req *v1.OperationLogListReq) (res *v1.OperationLogListRes, err error)
	OperationLogExport(ctx context.Context, req *v1.OperationLogExportReq) (res *v1.OperationLogExportRes, err error)
	LoginLogList(ctx context.Context, req *v1.LoginLogListReq) (res *v1.LoginLogListRes, err error)
	LoginLogExport(ctx context.Context, req *v1.LoginLogExportReq) (res *v1.LoginLogExportRes, err error)
	MenuList(ctx context.Context, req *v1.MenuListReq) (res *v1.MenuListRes, err error)
	OutboxList(ctx context.Context, req *v1.OutboxListReq) (res *v1.OutboxListRes, err error)
	OutboxDeliveries(ctx context.Context, req *v1.OutboxDeliveriesReq) (res *v1.OutboxDeliveriesRes, err error)
	OutboxRedeliver(ctx context.Context, req *v1.OutboxRedeliverReq) (res *v1.OutboxRedeliverRes, err error)
	RoleList(ctx context.Context, req *v1.RoleListReq) (res *v1.RoleListRes, err error)
	RoleMenus(ctx context.Context, req *v1.RoleMenusReq) (res *v1.RoleMenusRes, err error)
	RoleMenusUpdate(ctx context.Context, req *v1.RoleMenusUpdateReq) (res *v1.RoleMenusUpdateRes, err error)
	SettingsGet(ctx context.Context, req *v1.SettingsGetReq) (res *v1.SettingsGetRes, err error)
	SettingsUpdate(ctx context.Context, req *v1.SettingsUpdateReq) (res *v1.SettingsUpdateRes, err error)
	SettingChanges(ctx context.Context, req *v1.SettingChangesReq) (res *v1.SettingChangesRes, err error)
	SystemLogList(ctx context.Context, req *v1.SystemLogListReq) (res *v1.SystemLogListRes, err error)
	SystemLogExport(ctx context.Context, req *v1.SystemLogExportReq) (res *v1.SystemLogExportRes, err error)
	UserList(ctx context.Context, req *v1.UserListReq) (res *v1.UserListRes, err error)
	UserGet(ctx context.Context, req *v1.UserGetReq) (res *v1.UserGetRes, err error)
	UserCreate(ctx context.Context, req *v1.UserCreateReq) (res *v1.UserCreateRes, err error)
	UserUpdate(ctx context.Context, req *v1.UserUpdateReq) (res *v1.UserUpdateRes, err error)
	UserStatus(ctx context.Context, req *v1.UserStatusReq) (res *v1.UserStatusRes, err error)
	UserPassword(ctx context.Context, req *v1.UserPasswordReq) (res *v1.UserPasswordRes, err error)
	Version(ctx context.Context, req *v1.VersionReq) (res *v1.VersionRes, err error)
	MaintenanceGet(ctx context.Context, req *v1.MaintenanceGetReq) (res *v1.MaintenanceGetRes, err error)
}
