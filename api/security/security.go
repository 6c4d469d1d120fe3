// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package security

import (
	"context"

	"kami/api/security/v1"
)

type ISecurityV1 interface {
	AlertList(ctx context.Context, req *v1.AlertListReq) (res *v1.AlertListRes, err error)
	SMSLogList(ctx context.Context, req *v1.SMSLogListReq) (res *v1.SMSLogListRes, err error)
	SMSTestSend(ctx context.Context, req *v1.SMSTestSendReq) (res *v1.SMSTestSendRes, err error)
	LockList(ctx context.Context, req *v1.LockListReq) (res *v1.LockListRes, err error)
	LockUnlock(ctx context.Context, req *v1.LockUnlockReq) (res *v1.LockUnlockRes, err error)
	EventList(ctx context.Context, req *v1.EventListReq) (res *v1.EventListRes, err error)
	EventExport(ctx context.Context, req *v1.EventExportReq) (res *v1.EventExportRes, err error)
}
