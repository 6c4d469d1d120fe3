package quota

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2/i18n/gi18n"

	v1 "kami/api/quota/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/exportfile"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// exportBatch is how many entries one keyset query reads: memory stays flat however long the
// ledger, and no query skips rows with OFFSET.
const exportBatch = 1000

// exportColumns are the sheet's columns, each titled by "quota.col.<name>" in the reader's
// language. Amounts come twice: as numbers of units (to compute with) and in yuan (to read).
var exportColumns = []string{"id", "time", "movementId", "userId", "username", "bucket", "amount", "amountYuan",
	"balanceAfter", "balanceAfterYuan", "type", "counterpartyId", "counterparty", "operatorId", "operator", "ref", "remark"}

// LedgerExport prepares every entry of the filtered ledger (not one page) as an .xlsx download
// for the controller to send. The set is fixed at the largest id seen when the export starts,
// refused before any byte is sent when it exceeds kami.exportMaxRows (never cut short), and
// read newest first in keyset batches into excelize's StreamWriter, which spools rows to a
// temporary file instead of holding them in memory.
func (s *sQuota) LedgerExport(ctx context.Context, req *v1.LedgerExportReq) (*model.Download, error) {
	m, err := ledgerQuery(ctx, &req.LedgerFilter)
	if err != nil {
		return nil, err
	}
	total, err := m.Count()
	if err != nil {
		return nil, err
	}
	limit := s.config().ExportMaxRows
	if limit <= 0 {
		limit = 100000
	}
	if total > limit {
		return nil, errs.ExportTooLarge.New(total, limit)
	}
	id := dao.QuotaEntries.Columns().Id
	top, err := m.Max(id)
	if err != nil {
		return nil, err
	}
	titles := make([]any, len(exportColumns))
	for i, c := range exportColumns {
		titles[i] = gi18n.T(ctx, "quota.col."+c)
	}
	out, err := exportfile.New("xlsx", titles)
	if err != nil {
		return nil, err
	}
	defer out.Discard()
	written := 0
	next := int64(top) + 1
	for written < total {
		var rows []entity.QuotaEntries
		err = m.WhereLT(id, next).OrderDesc(id).Limit(min(exportBatch, total-written)).Scan(&rows)
		if err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
		if len(rows) == 0 {
			break // entries are never deleted, but a narrower set than counted is no reason to fail
		}
		if err = s.writeEntries(ctx, out, rows); err != nil {
			return nil, err
		}
		written += len(rows)
		next = rows[len(rows)-1].Id
	}
	return out.Download(fmt.Sprintf("quota-ledger-%s.xlsx", s.now().In(timefmt.Zone()).Format("20060102-150405")))
}

// writeEntries appends one batch of entries.
func (s *sQuota) writeEntries(ctx context.Context, out exportfile.File, rows []entity.QuotaEntries) error {
	names, err := entryNames(ctx, rows)
	if err != nil {
		return err
	}
	buckets := map[string]string{
		model.BucketAvailable: gi18n.T(ctx, "quota.bucket.available"),
		model.BucketFrozen:    gi18n.T(ctx, "quota.bucket.frozen"),
	}
	for _, r := range rows {
		if err = out.Row([]any{r.Id, timefmt.Format(r.CreatedAt), r.MovementId, r.UserId, names[r.UserId],
			buckets[r.Bucket], r.Amount, s.yuan(r.Amount), r.BalanceAfter, s.yuan(r.BalanceAfter), r.Type,
			r.CounterpartyId, names[r.CounterpartyId], r.OperatorId, names[r.OperatorId], r.Ref, r.Remark}); err != nil {
			return err
		}
	}
	return nil
}
