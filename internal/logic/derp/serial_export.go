package derp

import (
	"context"
	"fmt"

	v1 "kami/api/derp/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/exportfile"
	"kami/internal/listq"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var batchSorts = listq.NewSorts("id", map[string]listq.Field{
	"id": listq.Ordinal(dao.DerpSerialBatches.Columns().Id),
})

// exportChunk is how many serials one keyset query of the export reads.
const exportChunk = 1000

// SerialBatchList lists the batches: S all, a distributor those issued to it.
func (s *sDerp) SerialBatchList(ctx context.Context, req *v1.SerialBatchListReq) (*v1.SerialBatchListRes, error) {
	cols := dao.DerpSerialBatches.Columns()
	m := dao.DerpSerialBatches.Ctx(ctx)
	if p := principal.From(ctx); p.Role != consts.RoleSuperAdmin {
		m = m.Where(cols.DistributorId, p.UserID)
	}
	if req.PlanId > 0 {
		m = m.Where(cols.PlanId, req.PlanId)
	}
	if req.DistributorId > 0 {
		m = m.Where(cols.DistributorId, req.DistributorId)
	}
	rows, total, err := listq.Page[entity.DerpSerialBatches](m, req.PageReq, batchSorts)
	if err != nil {
		return nil, err
	}
	out := make([]v1.SerialBatchItem, 0, len(rows))
	for _, b := range rows {
		it := v1.SerialBatchItem{Id: b.Id, PlanId: b.PlanId, Count: b.Count, DistributorId: optID(b.DistributorId),
			OrderId: optID(b.OrderId), Source: b.Source, Remark: b.Remark, CreatedBy: b.CreatedBy,
			ExpiresAt: timefmt.Format(b.ExpiresAt), CreatedAt: timefmt.Format(b.CreatedAt)}
		if p, err := planByID(ctx, b.PlanId); err == nil {
			it.PlanName = p.Name
		}
		out = append(out, it)
	}
	return &v1.SerialBatchListRes{Items: out, Total: total}, nil
}

// SerialBatchExport writes every code of a batch (S or its owner) to a CSV or XLSX file through
// the shared export helper (excelize's StreamWriter for xlsx), complete before a byte is sent,
// and writes the operation-log row: an export hands out bearer secrets, and reads are otherwise
// not logged.
func (s *sDerp) SerialBatchExport(ctx context.Context, req *v1.SerialBatchExportReq) (*model.Download, error) {
	var b *entity.DerpSerialBatches
	if err := dao.DerpSerialBatches.Ctx(ctx).WherePri(req.Id).Scan(&b); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	p := principal.From(ctx)
	if b == nil || (p.Role != consts.RoleSuperAdmin && b.DistributorId != p.UserID) {
		return nil, errs.NotFound.New()
	}
	format := req.Format
	if format == "" {
		format = "csv"
	}
	out, err := exportfile.New(format, []any{"code", "last4", "status", "planId", "expiresAt"})
	if err != nil {
		return nil, err
	}
	defer out.Discard()
	cols := dao.DerpSerials.Columns()
	after := int64(0)
	for {
		var rows []entity.DerpSerials
		err := dao.DerpSerials.Ctx(ctx).Where(cols.BatchId, b.Id).WhereGT(cols.Id, after).OrderAsc(cols.Id).
			Limit(exportChunk).Scan(&rows)
		if err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
		for _, r := range rows {
			code, err := openSerial(r.CodeEnc)
			if err != nil {
				return nil, err
			}
			if err = out.Row([]any{code, r.CodeLast4, r.Status, r.PlanId, timefmt.Format(r.ExpiresAt)}); err != nil {
				return nil, err
			}
		}
		if len(rows) < exportChunk {
			break
		}
		after = rows[len(rows)-1].Id
	}
	if err = service.Middleware().AuditInTx(ctx, nil); err != nil {
		return nil, err
	}
	return out.Download(fmt.Sprintf("derp-serials-%d-%s.%s", b.Id, s.now().In(timefmt.Zone()).Format("20060102-150405"), format))
}
