// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/system/v1"
)

type (
	IMaintenance interface {
		// Refusal reports whether maintenance mode refuses mutating calls now, and the Retry-After
		// (whole seconds, at least 1) to send with the refusal.
		Refusal() (bool, int64)
		// Version answers what this node runs and the schema its database is at.
		Version(ctx context.Context, _ *v1.VersionReq) (*v1.VersionRes, error)
		// Status is the switch as this node sees it.
		Status(ctx context.Context, _ *v1.MaintenanceGetReq) (*v1.MaintenanceGetRes, error)
	}
)

var (
	localMaintenance IMaintenance
)

func Maintenance() IMaintenance {
	if localMaintenance == nil {
		panic("implement not found for interface IMaintenance, forgot register?")
	}
	return localMaintenance
}

func RegisterMaintenance(i IMaintenance) {
	localMaintenance = i
}
