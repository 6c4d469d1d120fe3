package card

import (
	"context"

	v1 "kami/api/card/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/listq"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var cardSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":          listq.Ordinal(dao.Cards.Columns().Id),
	"activatedAt": listq.Ordinal(dao.Cards.Columns().ActivatedAt),
	"expiresAt":   listq.Ordinal(dao.Cards.Columns().ExpiresAt),
})

// verificationsShown is how many of a card's latest verifications its detail shows.
const verificationsShown = 50

// List pages through the cards in the caller's scope. keyword is a whole key: it is hashed like
// the stored keys and found by the index, never compared as text (no key is stored in clear).
func (s *sCard) List(ctx context.Context, req *v1.CardListReq) (*v1.CardListRes, error) {
	cols := dao.Cards.Columns()
	m := scope.Apply(ctx, dao.Cards.Ctx(ctx).Safe(), cols.OwnerId).FieldsEx(cols.KeySealed, cols.KeyHash)
	if req.ProjectId > 0 {
		m = m.Where(cols.ProjectId, req.ProjectId)
	}
	if req.BatchId > 0 {
		m = m.Where(cols.BatchId, req.BatchId)
	}
	if req.OwnerId > 0 {
		m = m.Where(cols.OwnerId, req.OwnerId)
	}
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if req.Keyword != "" {
		m = m.Where(cols.KeyHash, keyring.LookupHash(model.CardKeyPurpose, model.NormalizeCardKey(req.Keyword)))
	}
	rows, total, err := listq.Page[entity.Cards](m, req.PageReq, cardSorts)
	if err != nil {
		return nil, err
	}
	items, err := cardItems(ctx, rows)
	if err != nil {
		return nil, err
	}
	return &v1.CardListRes{Items: items, Total: total}, nil
}

// Get answers one card in scope with its devices and latest verifications.
func (s *sCard) Get(ctx context.Context, req *v1.CardGetReq) (*v1.CardGetRes, error) {
	c, err := cardInScope(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	items, err := cardItems(ctx, []entity.Cards{*c})
	if err != nil {
		return nil, err
	}
	res := &v1.CardGetRes{CardItem: items[0], Devices: []v1.DeviceItem{}, Verifications: []v1.VerificationItem{}}
	dcols := dao.CardDevices.Columns()
	var devices []entity.CardDevices
	if err = dao.CardDevices.Ctx(ctx).Where(dcols.CardId, c.Id).OrderAsc(dcols.Id).Scan(&devices); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, d := range devices {
		res.Devices = append(res.Devices, v1.DeviceItem{Device: d.Device, Bound: d.UnboundAt == nil,
			BoundAt: timefmt.Ptr(d.BoundAt), UnboundAt: timefmt.Ptr(d.UnboundAt), LastSeenAt: timefmt.Ptr(d.LastSeenAt)})
	}
	vcols := dao.CardVerifications.Columns()
	var vs []entity.CardVerifications
	if err = dao.CardVerifications.Ctx(ctx).Where(vcols.CardId, c.Id).OrderDesc(vcols.Id).Limit(verificationsShown).
		Scan(&vs); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, v := range vs {
		res.Verifications = append(res.Verifications, v1.VerificationItem{Id: v.Id, Result: v.Result, Ip: v.Ip,
			ClientVersion: v.ClientVersion, CreatedAt: timefmt.Format(v.CreatedAt)})
	}
	return res, nil
}

// cardInScope is a card the caller may see, or 404.
func cardInScope(ctx context.Context, id int64) (*entity.Cards, error) {
	cols := dao.Cards.Columns()
	var c *entity.Cards
	err := scope.Apply(ctx, dao.Cards.Ctx(ctx).WherePri(id), cols.OwnerId).FieldsEx(cols.KeySealed).Scan(&c)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if c == nil {
		return nil, errs.NotFound.New()
	}
	return c, nil
}

func (s *sCard) cardItem(ctx context.Context, id int64) (*v1.CardItem, error) {
	c, err := cardInScope(ctx, id)
	if err != nil {
		return nil, err
	}
	items, err := cardItems(ctx, []entity.Cards{*c})
	if err != nil {
		return nil, err
	}
	return &items[0], nil
}

// cardItems turns rows into API items with their batch's status and plan name, and the
// project and owner names.
func cardItems(ctx context.Context, rows []entity.Cards) ([]v1.CardItem, error) {
	var users, projects, batches []int64
	for _, c := range rows {
		users, projects, batches = append(users, c.OwnerId), append(projects, c.ProjectId), append(batches, c.BatchId)
	}
	names, err := service.User().Usernames(ctx, users)
	if err != nil {
		return nil, err
	}
	pnames, err := service.Project().Names(ctx, projects)
	if err != nil {
		return nil, err
	}
	bcols := dao.CardBatches.Columns()
	var bs []entity.CardBatches
	if len(batches) > 0 {
		if err = dao.CardBatches.Ctx(ctx).Fields(bcols.Id, bcols.Status, bcols.PlanName).WhereIn(bcols.Id, batches).
			Scan(&bs); err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
	}
	byID := map[int64]entity.CardBatches{}
	for _, b := range bs {
		byID[b.Id] = b
	}
	out := make([]v1.CardItem, 0, len(rows))
	for _, c := range rows {
		b := byID[c.BatchId]
		out = append(out, v1.CardItem{Id: c.Id, Key: c.KeyMask, ProjectId: c.ProjectId, ProjectName: pnames[c.ProjectId],
			BatchId: c.BatchId, BatchStatus: b.Status, PlanId: c.PlanId, PlanName: b.PlanName, OwnerId: c.OwnerId,
			OwnerName: names[c.OwnerId], Status: c.Status, DurationSeconds: c.DurationSeconds, MaxDevices: c.MaxDevices,
			BoundDevices: c.BoundDevices, UnbindCount: c.UnbindCount, ActivatedAt: timefmt.Ptr(c.ActivatedAt),
			ExpiresAt: timefmt.Ptr(c.ExpiresAt), LastVerifiedAt: timefmt.Ptr(c.LastVerifiedAt),
			LastUnbindAt: timefmt.Ptr(c.LastUnbindAt), DisabledAt: timefmt.Ptr(c.DisabledAt),
			CreatedAt: timefmt.Format(c.CreatedAt)})
	}
	return out, nil
}
