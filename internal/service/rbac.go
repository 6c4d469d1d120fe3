// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
)

type (
	IRbac interface {
		Sync(ctx context.Context) error
		Start(ctx context.Context) error
		Stop()
		Enforce(ctx context.Context, role string, route string, method string) (bool, error)
		Codes(ctx context.Context, role string) ([]string, error)
	}
)

var (
	localRbac IRbac
)

func Rbac() IRbac {
	if localRbac == nil {
		panic("implement not found for interface IRbac, forgot register?")
	}
	return localRbac
}

func RegisterRbac(i IRbac) {
	localRbac = i
}
