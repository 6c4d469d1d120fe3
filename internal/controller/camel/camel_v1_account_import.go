package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AccountImport(ctx context.Context, req *v1.AccountImportReq) (res *v1.AccountImportRes, err error) {
	return service.Camel().ImportAccounts(ctx, req)
}
