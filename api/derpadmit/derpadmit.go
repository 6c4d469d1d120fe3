// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package derpadmit

import (
	"context"

	"kami/api/derpadmit/v1"
)

type IDerpadmitV1 interface {
	Admit(ctx context.Context, req *v1.AdmitReq) (res *v1.AdmitRes, err error)
}
