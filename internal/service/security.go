// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/security/v1"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/model"
	"kami/internal/model/entity"
)

type (
	ISecurity interface {
		// List pages the security log rows the caller may see.
		List(ctx context.Context, req *v1.EventListReq) (*v1.EventListRes, error)
		// Export downloads every security log row matching the filter (not one page), with the kind,
		// severity and measure in the reader's language.
		Export(ctx context.Context, req *v1.EventExportReq) (*model.Download, error)
		// CheckLogin runs on every successful login, before it is written to the login log: a login from
		// a place where the user has not logged in within security.regionWindow (异地登录) is an anomaly,
		// recorded and notified. The place is the offline geo location ("country region city"), so a
		// move to another city, province or country counts. The LAN and unknown places never do (they
		// say nothing about where the person is), and a user with no placed login in the window has no
		// usual region yet: its first placed login sets one instead of alarming.
		CheckLogin(ctx context.Context, u *entity.Users, ip string) error
		// SetClock hands the service its clock; boot calls it before serving.
		SetClock(c clock.Clock)
		// Configure hands the service the configuration it reads; boot calls it before serving.
		Configure(cfg func() *config.Config)
	}
)

var (
	localSecurity ISecurity
)

func Security() ISecurity {
	if localSecurity == nil {
		panic("implement not found for interface ISecurity, forgot register?")
	}
	return localSecurity
}

func RegisterSecurity(i ISecurity) {
	localSecurity = i
}
