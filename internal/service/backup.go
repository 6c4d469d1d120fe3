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
	"kami/internal/model/entity"
)

type (
	IBackup interface {
		// SetClock hands the service its clock; boot calls it before serving.
		SetClock(c clock.Clock)
		// Configure hands the service the configuration (backup key and folder); boot calls it.
		Configure(cfg func() *config.Config)
		// Run writes one backup, records it (verified or failed, with why), notes it in the system
		// log and applies retention. by is the user who asked (0: the schedule).
		Run(ctx context.Context, by int64) (*entity.Backups, error)
		// List pages the backup records, newest first.
		List(ctx context.Context, req *v1.BackupListReq) (*v1.BackupListRes, error)
		// Create takes a backup now for the calling super-admin.
		Create(ctx context.Context, _ *v1.BackupCreateReq) (*v1.BackupCreateRes, error)
		// RestoreRequest records a pending request by the caller.
		RestoreRequest(ctx context.Context, req *v1.RestoreRequestCreateReq) (*v1.RestoreRequestCreateRes, error)
		// Approve claims a pending request of another super-admin (a guarded update: two approvals at
		// once run it once), turns maintenance mode on and restores.
		Approve(ctx context.Context, req *v1.RestoreRequestApproveReq) (*v1.RestoreRequestApproveRes, error)
	}
)

var (
	localBackup IBackup
)

func Backup() IBackup {
	if localBackup == nil {
		panic("implement not found for interface IBackup, forgot register?")
	}
	return localBackup
}

func RegisterBackup(i IBackup) {
	localBackup = i
}
