// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package security

import (
	"context"

	"kami/api/security/v1"
)

type ISecurityV1 interface {
	EventList(ctx context.Context, req *v1.EventListReq) (res *v1.EventListRes, err error)
	EventExport(ctx context.Context, req *v1.EventExportReq) (res *v1.EventExportRes, err error)
}
