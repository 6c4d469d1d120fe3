package proxy

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// Discrepancy statuses.
const (
	discFixed    = "fixed"
	discDecision = "needs_decision"
	discResolved = "resolved"
	discReport   = "report" // for the record only (coin drift): nothing to decide
)

// QuotaTypeDiscrepancy is the ledger type of a charge the super-admin decided on a finding.
const QuotaTypeDiscrepancy = "proxy_discrepancy"

var discrepancySorts = listq.NewSorts("id", map[string]listq.Field{"id": listq.Ordinal(dao.ProxyDiscrepancy.Columns().Id)})

func discrepancyItem(r entity.ProxyDiscrepancy) v1.DiscrepancyItem {
	return v1.DiscrepancyItem{Id: r.Id, Kind: r.Kind, Subject: r.Subject, Detail: r.Detail, Status: r.Status,
		Resolution: r.Resolution, Remark: r.Remark, ResolvedBy: r.ResolvedBy, CreatedAt: timefmt.Ptr(r.CreatedAt),
		ResolvedAt: timefmt.Ptr(r.ResolvedAt)}
}

// Discrepancies is GET /api/proxy/discrepancies/list.
func (s *sProxy) Discrepancies(ctx context.Context, req *v1.DiscrepancyListReq) (*v1.DiscrepancyListRes, error) {
	cols := dao.ProxyDiscrepancy.Columns()
	m := dao.ProxyDiscrepancy.Ctx(ctx)
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if req.Kind != "" {
		m = m.Where(cols.Kind, req.Kind)
	}
	rows, total, err := listq.Page[entity.ProxyDiscrepancy](m, req.PageReq, discrepancySorts)
	if err != nil {
		return nil, err
	}
	res := &v1.DiscrepancyListRes{Items: make([]v1.DiscrepancyItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, discrepancyItem(r))
	}
	return res, nil
}

// discrepancyCharge is what a finding's detail says the agent owes (the consistency job
// writes agentId and amount, in fen, for orders the upstream fulfilled but Kami did not charge).
type discrepancyCharge struct {
	AgentID int64 `json:"agentId"`
	Amount  int64 `json:"amount"`
}

// ResolveDiscrepancy is POST /api/proxy/discrepancies/{id}/resolve. Only needs_decision rows
// can be decided, with a guarded UPDATE; charge debits the agent in the same transaction under
// the ref proxy_discrepancy:{id} (a finding without an agent and amount cannot be charged).
func (s *sProxy) ResolveDiscrepancy(ctx context.Context, req *v1.DiscrepancyResolveReq) (*v1.DiscrepancyResolveRes, error) {
	var row *entity.ProxyDiscrepancy
	if err := dao.ProxyDiscrepancy.Ctx(ctx).WherePri(req.Id).Scan(&row); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if row == nil {
		return nil, errs.NotFound.New()
	}
	if row.Status != discDecision {
		return nil, errs.InvalidState.New()
	}
	var charge discrepancyCharge
	if req.Action == "charge" {
		if json.Unmarshal([]byte(row.Detail), &charge) != nil || charge.AgentID == 0 || charge.Amount <= 0 {
			return nil, errs.InvalidState.New()
		}
	}
	cols := dao.ProxyDiscrepancy.Columns()
	err := dao.ProxyDiscrepancy.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		r, err := dao.ProxyDiscrepancy.Ctx(ctx).Where(cols.Id, row.Id).Where(cols.Status, discDecision).
			Data(do.ProxyDiscrepancy{Status: discResolved, Resolution: req.Action, Remark: req.Remark,
				ResolvedBy: principal.From(ctx).UserID, ResolvedAt: gtime.New(s.now())}).Update()
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return errs.InvalidState.New()
		}
		if req.Action != "charge" {
			return nil
		}
		ref := fmt.Sprintf("proxy_discrepancy:%d", row.Id)
		_, err = service.Quota().Debit(ctx, tx, model.QuotaMove{UserID: charge.AgentID, Amount: charge.Amount,
			Type: QuotaTypeDiscrepancy, Ref: ref, IdemKey: ref, Remark: row.Kind + " " + row.Subject})
		return err
	})
	if err != nil {
		return nil, err
	}
	var out entity.ProxyDiscrepancy
	if err := dao.ProxyDiscrepancy.Ctx(ctx).WherePri(row.Id).Scan(&out); err != nil {
		return nil, err
	}
	it := discrepancyItem(out)
	return &it, nil
}
