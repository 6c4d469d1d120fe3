package card

import (
	"context"
	"kami/internal/infra/snapcache"
	"strconv"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	v1 "kami/api/card/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var batchSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.CardBatches.Columns().Id),
	"count":     listq.Ordinal(dao.CardBatches.Columns().Count),
	"cost":      listq.Ordinal(dao.CardBatches.Columns().Cost),
	"createdAt": listq.Ordinal(dao.CardBatches.Columns().CreatedAt),
})

// Batches pages through the batches in the caller's scope. Only finished batches are listed:
// a pending one is still inside its transaction, and a failed one left no row.
func (s *sCard) Batches(ctx context.Context, req *v1.BatchListReq) (*v1.BatchListRes, error) {
	cols := dao.CardBatches.Columns()
	m := scope.Apply(ctx, dao.CardBatches.Ctx(ctx).Safe(), cols.OwnerId).
		WhereIn(cols.Status, []string{model.BatchActive, model.BatchDisabled})
	if req.ProjectId > 0 {
		m = m.Where(cols.ProjectId, req.ProjectId)
	}
	if req.PlanId > 0 {
		m = m.Where(cols.PlanId, req.PlanId)
	}
	if req.OwnerId > 0 {
		m = m.Where(cols.OwnerId, req.OwnerId)
	}
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	rows, total, err := listq.Page[entity.CardBatches](m, req.PageReq, batchSorts)
	if err != nil {
		return nil, err
	}
	items, err := batchItems(ctx, rows)
	if err != nil {
		return nil, err
	}
	return &v1.BatchListRes{Items: items, Total: total}, nil
}

// Batch answers one batch in scope with its cards counted by status.
func (s *sCard) Batch(ctx context.Context, req *v1.BatchGetReq) (*v1.BatchGetRes, error) {
	item, err := s.batchItem(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	cols := dao.Cards.Columns()
	var counts []struct {
		Status string
		N      int
	}
	if err = dao.Cards.Ctx(ctx).Fields(cols.Status+" AS status, COUNT(*) AS n").Where(cols.BatchId, req.Id).
		Group(cols.Status).Scan(&counts); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	res := &v1.BatchGetRes{BatchItem: *item, Cards: map[string]int{
		model.CardUnused: 0, model.CardActive: 0, model.CardExpired: 0, model.CardDisabled: 0}}
	for _, c := range counts {
		res.Cards[c.Status] = c.N
	}
	return res, nil
}

// DisableBatch makes every card of the batch answer DISABLED; the cards keep their own status,
// so enabling the batch again restores each as it was. Disabling a disabled batch changes nothing.
func (s *sCard) DisableBatch(ctx context.Context, req *v1.BatchDisableReq) (*v1.BatchDisableRes, error) {
	p := principal.From(ctx)
	item, err := s.setBatchStatus(ctx, req.Id, model.BatchActive, do.CardBatches{Status: model.BatchDisabled,
		DisabledAt: s.now(), DisabledBy: p.UserID, UpdatedAt: s.now()})
	if err != nil {
		return nil, err
	}
	return &v1.BatchDisableRes{BatchItem: *item}, nil
}

// EnableBatch lifts a batch's disablement.
func (s *sCard) EnableBatch(ctx context.Context, req *v1.BatchEnableReq) (*v1.BatchEnableRes, error) {
	item, err := s.setBatchStatus(ctx, req.Id, model.BatchDisabled, g.Map{
		dao.CardBatches.Columns().Status: model.BatchActive, dao.CardBatches.Columns().DisabledAt: nil,
		dao.CardBatches.Columns().DisabledBy: 0, dao.CardBatches.Columns().UpdatedAt: s.now()})
	if err != nil {
		return nil, err
	}
	return &v1.BatchEnableRes{BatchItem: *item}, nil
}

// setBatchStatus moves a batch in scope from status from to what data says, guarded on from so
// two racing changes apply once; a batch already in the target state is answered unchanged.
func (s *sCard) setBatchStatus(ctx context.Context, id int64, from string, data any) (*v1.BatchItem, error) {
	b, err := batchInScope(ctx, id)
	if err != nil {
		return nil, err
	}
	if b.Status != from {
		if b.Status == model.BatchActive || b.Status == model.BatchDisabled {
			return s.batchItem(ctx, id) // already there
		}
		return nil, errs.InvalidState.New()
	}
	cols := dao.CardBatches.Columns()
	err = dao.CardBatches.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		r, err := dao.CardBatches.Ctx(ctx).WherePri(id).Where(cols.Status, from).Data(data).Update()
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return nil // a racing request made the same change first
		}
		return auditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	snapcache.Changed(ctx, model.SnapBatch, strconv.FormatInt(id, 10))
	return s.batchItem(ctx, id)
}

// batchInScope is a finished batch the caller may see, or 404.
func batchInScope(ctx context.Context, id int64) (*entity.CardBatches, error) {
	cols := dao.CardBatches.Columns()
	var b *entity.CardBatches
	err := scope.Apply(ctx, dao.CardBatches.Ctx(ctx).WherePri(id), cols.OwnerId).
		WhereIn(cols.Status, []string{model.BatchActive, model.BatchDisabled}).Scan(&b)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if b == nil {
		return nil, errs.NotFound.New()
	}
	return b, nil
}

func (s *sCard) batchItem(ctx context.Context, id int64) (*v1.BatchItem, error) {
	b, err := batchInScope(ctx, id)
	if err != nil {
		return nil, err
	}
	items, err := batchItems(ctx, []entity.CardBatches{*b})
	if err != nil {
		return nil, err
	}
	return &items[0], nil
}

// batchItems turns rows into API items with the project and owner names.
func batchItems(ctx context.Context, rows []entity.CardBatches) ([]v1.BatchItem, error) {
	var users, projects []int64
	for _, b := range rows {
		users, projects = append(users, b.OwnerId), append(projects, b.ProjectId)
	}
	names, err := service.User().Usernames(ctx, users)
	if err != nil {
		return nil, err
	}
	pnames, err := service.Project().Names(ctx, projects)
	if err != nil {
		return nil, err
	}
	out := make([]v1.BatchItem, 0, len(rows))
	for _, b := range rows {
		out = append(out, v1.BatchItem{Id: b.Id, ProjectId: b.ProjectId, ProjectName: pnames[b.ProjectId],
			PlanId: b.PlanId, PlanName: b.PlanName, OwnerId: b.OwnerId, OwnerName: names[b.OwnerId], Count: b.Count,
			Price: b.Price, Cost: b.Cost, DurationSeconds: b.DurationSeconds, MaxDevices: b.MaxDevices,
			Remark: b.Remark, Status: b.Status, DisabledAt: timefmt.Ptr(b.DisabledAt), CreatedAt: timefmt.Format(b.CreatedAt)})
	}
	return out, nil
}
