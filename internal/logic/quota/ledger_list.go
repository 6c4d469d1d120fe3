package quota

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/i18n/gi18n"

	v1 "kami/api/quota/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/internal/timefmt"
)

// What a client may sort the ledger by; the default is id, newest first.
var ledgerSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.QuotaEntries.Columns().Id),
	"amount":    listq.Ordinal(dao.QuotaEntries.Columns().Amount),
	"createdAt": listq.Ordinal(dao.QuotaEntries.Columns().CreatedAt),
})

// Ledger pages through the entries in the caller's scope.
func (s *sQuota) Ledger(ctx context.Context, req *v1.LedgerListReq) (*v1.LedgerListRes, error) {
	m, err := ledgerQuery(ctx, &req.LedgerFilter)
	if err != nil {
		return nil, err
	}
	rows, total, err := listq.Page[entity.QuotaEntries](m, req.PageReq, ledgerSorts)
	if err != nil {
		return nil, err
	}
	names, err := entryNames(ctx, rows)
	if err != nil {
		return nil, err
	}
	res := &v1.LedgerListRes{Items: make([]v1.LedgerItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, ledgerItem(r, names))
	}
	return res, nil
}

// ledgerQuery is the filtered ledger the caller may see, as a Safe model the count, the page
// and the export batches each derive their query from. Scoping on user_id is also what keeps
// the system account's entries (user 0, nobody's subtree) to the super-admin.
func ledgerQuery(ctx context.Context, f *v1.LedgerFilter) (*gdb.Model, error) {
	cols := dao.QuotaEntries.Columns()
	m := scope.Apply(ctx, dao.QuotaEntries.Ctx(ctx).Safe(), cols.UserId)
	from, err := timefmt.Parse(f.From)
	if err != nil {
		return nil, errs.TimeInvalid.New("from")
	}
	to, err := timefmt.Parse(f.To)
	if err != nil {
		return nil, errs.TimeInvalid.New("to")
	}
	if from != nil {
		m = m.WhereGTE(cols.CreatedAt, from)
	}
	if to != nil {
		m = m.WhereLT(cols.CreatedAt, to)
	}
	// userId 0 is the system account for the super-admin; absent means "everyone in scope", so
	// only a positive id filters (the system account's entries are reached by type or ref).
	if f.UserId > 0 {
		m = m.Where(cols.UserId, f.UserId)
	}
	if f.Type != "" {
		m = m.Where(cols.Type, f.Type)
	}
	if f.Bucket != "" {
		m = m.Where(cols.Bucket, f.Bucket)
	}
	if f.Ref != "" {
		m = m.Where(cols.Ref, f.Ref)
	}
	return m, nil
}

// entryNames maps every user a batch of entries names (owner, counterparty, operator) to its
// username, in one query; the system account (0) is named in the reader's language.
func entryNames(ctx context.Context, rows []entity.QuotaEntries) (map[int64]string, error) {
	seen := map[int64]bool{}
	var ids []int64
	for _, r := range rows {
		for _, id := range []int64{r.UserId, r.CounterpartyId, r.OperatorId} {
			if id != model.SystemAccount && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	names, err := service.User().Usernames(ctx, ids)
	if err != nil {
		return nil, err
	}
	names[model.SystemAccount] = gi18n.T(ctx, "quota.systemAccount")
	return names, nil
}

func ledgerItem(r entity.QuotaEntries, names map[int64]string) v1.LedgerItem {
	return v1.LedgerItem{
		Id: r.Id, MovementId: r.MovementId, UserId: r.UserId, Username: names[r.UserId], Bucket: r.Bucket,
		Amount: r.Amount, BalanceAfter: r.BalanceAfter, Type: r.Type,
		CounterpartyId: r.CounterpartyId, Counterparty: names[r.CounterpartyId],
		OperatorId: r.OperatorId, Operator: names[r.OperatorId],
		Ref: r.Ref, Remark: r.Remark, CreatedAt: timefmt.Format(r.CreatedAt),
	}
}
