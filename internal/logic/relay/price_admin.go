package relay

import (
	"context"
	"strconv"

	"github.com/gogf/gf/v2/os/gtime"
	"github.com/shopspring/decimal"

	v1 "kami/api/relay/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var priceSorts = listq.NewSorts("id", map[string]listq.Field{
	"id": listq.Ordinal("id"), "model": listq.Text("model"), "createdAt": listq.Ordinal("created_at"),
})

// PriceList answers the prices; every role reads them (the catalog gives editing to the
// super-admin only).
func (s *sRelay) PriceList(ctx context.Context, req *v1.PriceListReq) (*v1.PriceListRes, error) {
	m := dao.RelayPrices.Ctx(ctx)
	if req.Model != "" {
		m = listq.Contains(m, dao.RelayPrices.Columns().Model, req.Model)
	}
	rows, total, err := listq.Page[entity.RelayPrices](m, req.PageReq, priceSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.PriceListRes{Items: make([]v1.PriceItem, 0, len(rows)), Total: total}
	for i := range rows {
		res.Items = append(res.Items, priceItem(&rows[i]))
	}
	return res, nil
}

func (s *sRelay) PriceCreate(ctx context.Context, req *v1.PriceCreateReq) (*v1.PriceCreateRes, error) {
	data, err := s.priceData(&req.PriceFields)
	if err != nil {
		return nil, err
	}
	data.CreatedAt = data.UpdatedAt
	id, err := dao.RelayPrices.Ctx(ctx).Data(data).InsertAndGetId()
	if dbx.IsUniqueViolation(err) {
		return nil, errs.Duplicate.New()
	}
	if err != nil {
		return nil, err
	}
	return s.afterPriceWrite(ctx, id)
}

// PriceUpdate refuses to rename a model a channel lists: the channel would serve it unpriced.
func (s *sRelay) PriceUpdate(ctx context.Context, req *v1.PriceUpdateReq) (*v1.PriceUpdateRes, error) {
	row, err := priceRow(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if row.Model != req.Model {
		if err = refuseInUse(ctx, row.Model); err != nil {
			return nil, err
		}
	}
	data, err := s.priceData(&req.PriceFields)
	if err != nil {
		return nil, err
	}
	_, err = dao.RelayPrices.Ctx(ctx).Data(data).WherePri(req.Id).Update()
	if dbx.IsUniqueViolation(err) {
		return nil, errs.Duplicate.New()
	}
	if err != nil {
		return nil, err
	}
	return s.afterPriceWrite(ctx, req.Id)
}

// PriceDelete refuses while a channel lists the model: the channel would serve it unpriced.
func (s *sRelay) PriceDelete(ctx context.Context, req *v1.PriceDeleteReq) (*v1.PriceDeleteRes, error) {
	row, err := priceRow(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if err = refuseInUse(ctx, row.Model); err != nil {
		return nil, err
	}
	if _, err = dao.RelayPrices.Ctx(ctx).WherePri(row.Id).Delete(); err != nil {
		return nil, err
	}
	s.invalidate(ctx, "price", row.Id)
	return &v1.PriceDeleteRes{}, nil
}

// refuseInUse answers PRICE_IN_USE while a channel lists model (models is a JSON array of
// strings, so the quoted name matches one element exactly).
func refuseInUse(ctx context.Context, model string) error {
	n, err := listq.Contains(dao.RelayChannels.Ctx(ctx), dao.RelayChannels.Columns().Models, strconv.Quote(model)).Count()
	if err != nil {
		return err
	}
	if n > 0 {
		return errs.PriceInUse.New()
	}
	return nil
}

func (s *sRelay) afterPriceWrite(ctx context.Context, id int64) (*v1.PriceItem, error) {
	s.invalidate(ctx, "price", id)
	row, err := priceRow(ctx, id)
	if err != nil {
		return nil, err
	}
	it := priceItem(row)
	return &it, nil
}

// priceData validates the ratios as decimals (≥ 0, at most 9 decimals: the column's scale).
func (s *sRelay) priceData(f *v1.PriceFields) (do.RelayPrices, error) {
	d := do.RelayPrices{Model: f.Model, Tokenizer: f.Tokenizer, OwnedBy: f.OwnedBy, Enabled: 1,
		UpdatedAt: gtime.NewFromTime(s.now())}
	if f.Enabled != nil && !*f.Enabled {
		d.Enabled = 0
	}
	if d.Tokenizer == "" {
		d.Tokenizer = "o200k_base"
	}
	for _, r := range []struct {
		name, val, def string
		dst            *any
	}{
		{"modelRatio", f.ModelRatio, "0", &d.ModelRatio}, {"completionRatio", f.CompletionRatio, "1", &d.CompletionRatio},
		{"cacheRatio", f.CacheRatio, "1", &d.CacheRatio}, {"modelPrice", f.ModelPrice, "0", &d.ModelPrice},
	} {
		v, err := ratio(r.name, r.val, r.def)
		if err != nil {
			return d, err
		}
		*r.dst = v
	}
	return d, nil
}

// ratio parses a decimal string field: non-negative, at most 9 decimals, below 10^11.
func ratio(name, s, def string) (string, error) {
	if s == "" {
		s = def
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.IsNegative() || d.Exponent() < -9 || d.GreaterThanOrEqual(decimal.New(1, 11)) {
		return "", errs.InvalidInput.Msg(name + ": a non-negative decimal with at most 9 decimals")
	}
	return d.String(), nil
}

func priceRow(ctx context.Context, id int64) (*entity.RelayPrices, error) {
	var row *entity.RelayPrices
	if err := dao.RelayPrices.Ctx(ctx).WherePri(id).Scan(&row); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if row == nil {
		return nil, errs.NotFound.New()
	}
	return row, nil
}

func priceItem(p *entity.RelayPrices) v1.PriceItem {
	return v1.PriceItem{Id: p.Id, Model: p.Model, ModelRatio: parseDec(p.ModelRatio, "0").String(),
		CompletionRatio: parseDec(p.CompletionRatio, "1").String(), CacheRatio: parseDec(p.CacheRatio, "1").String(),
		ModelPrice: parseDec(p.ModelPrice, "0").String(), Tokenizer: p.Tokenizer, OwnedBy: p.OwnedBy,
		Enabled: p.Enabled == 1, CreatedAt: timefmt.Ptr(p.CreatedAt)}
}
