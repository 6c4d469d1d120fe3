package quota

import (
	"context"

	v1 "kami/api/quota/v1"
	"kami/internal/errs"
	"kami/internal/model"
)

// TODO(queries helper): the whole file.

// Ledger pages through the entries in the caller's scope.
func (s *sQuota) Ledger(ctx context.Context, req *v1.LedgerListReq) (*v1.LedgerListRes, error) {
	return nil, errs.Internal.New()
}

// LedgerExport streams every entry of the filtered ledger as .xlsx.
func (s *sQuota) LedgerExport(ctx context.Context, req *v1.LedgerExportReq) (*model.Download, error) {
	return nil, errs.Internal.New()
}

// Alerts lists what the reconciliation job found.
func (s *sQuota) Alerts(ctx context.Context, req *v1.AlertListReq) (*v1.AlertListRes, error) {
	return nil, errs.Internal.New()
}

// Reconcile checks every account against its entries and the whole ledger against zero.
func (s *sQuota) Reconcile(ctx context.Context) (int, error) {
	return 0, errs.Internal.New()
}
