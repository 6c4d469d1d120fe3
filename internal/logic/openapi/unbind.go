package openapi

import (
	"context"
	"errors"
	"maps"
	"slices"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/openapi/v1"
	"kami/internal/dao"
	"kami/internal/errs"
)

// Unbind results (openapi.md "POST /openapi/v1/cards/unbind").
const (
	UnbindUnbound      = "UNBOUND"
	UnbindNotBound     = "NOT_BOUND"
	UnbindNotFound     = "NOT_FOUND"
	UnbindLimitReached = "UNBIND_LIMIT_REACHED"
)

// Unbind releases one bound device of a card, or all of them: the card keeps its validity and
// binds the next device that verifies. Each unbind that releases something counts against the
// project's limit over the card's life (max_unbinds) and waits out its cooldown; during the
// cooldown the answer is UNBIND_LIMIT_REACHED with retryAfter (a field added to the contract's
// answer, so clients written for it keep working). The UPDATE is guarded on the version read:
// two racing unbinds count once.
func (s *sOpenapi) Unbind(ctx context.Context, req *v1.UnbindReq) (*v1.UnbindRes, error) {
	if err := req.Validate(); err != nil {
		return nil, errs.OpenAPIBadRequest.New(err.Error())
	}
	c := callFrom(ctx)
	now := s.now()
	res := &v1.UnbindRes{ServerTime: rfc3339(now), Nonce: c.nonce}
	found, err := findCard(ctx, c.project.ID, req.Card)
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	if found == nil {
		res.Result = UnbindNotFound
		return res, nil
	}
	for try := 1; ; try++ {
		card, err := s.reload(ctx, found.ID) // unbinds are rare: decide on the row itself
		if err != nil || card == nil {
			return nil, errs.Unavailable.Wrap(err)
		}
		res.BoundDevices = card.BoundDevices
		targets := releasable(card, req.Device)
		if len(targets) == 0 {
			res.Result = UnbindNotBound
			return res, nil
		}
		if card.UnbindCount >= c.project.MaxUnbinds {
			res.Result = UnbindLimitReached
			return res, nil
		}
		if next := card.LastUnbindAt + int64(c.project.UnbindCooldown); card.LastUnbindAt != 0 && next > now.Unix() {
			res.Result, res.RetryAfter = UnbindLimitReached, next-now.Unix()
			return res, nil
		}
		after, err := s.release(ctx, c.project, card, targets, now)
		if errors.Is(err, errStale) && try < maxTries {
			continue
		}
		if err != nil {
			return nil, errs.Unavailable.Wrap(err)
		}
		res.Result, res.BoundDevices = UnbindUnbound, after.BoundDevices
		return res, nil
	}
}

// releasable are the bound devices an unbind of device ("" = all) releases: hash -> row id.
func releasable(card *cardState, device string) map[string]int64 {
	if device == "" {
		return card.Devices
	}
	h := deviceHash(device)
	if id, ok := card.Devices[h]; ok {
		return map[string]int64{h: id}
	}
	return nil
}

// release unbinds targets in one transaction with the card.unbound event.
func (s *sOpenapi) release(ctx context.Context, p *projectState, card *cardState, targets map[string]int64, now time.Time) (*cardState, error) {
	cols, dcols := dao.Cards.Columns(), dao.CardDevices.Columns()
	at := gtime.NewFromTime(now)
	ids := slices.Collect(maps.Values(targets))
	next := *card
	next.Devices = maps.Clone(card.Devices)
	for h := range targets {
		delete(next.Devices, h)
	}
	next.BoundDevices, next.UnbindCount, next.LastUnbindAt, next.Version =
		card.BoundDevices-len(ids), card.UnbindCount+1, now.Unix(), card.Version+1
	err := dao.Cards.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		r, err := dao.Cards.Ctx(ctx).WherePri(card.ID).Where(cols.Version, card.Version).
			Data(g.Map{cols.BoundDevices: next.BoundDevices, cols.UnbindCount: next.UnbindCount, cols.LastUnbindAt: at,
				cols.Version: next.Version, cols.UpdatedAt: at}).Update()
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return errStale
		}
		if r, err = dao.CardDevices.Ctx(ctx).WhereIn(dcols.Id, ids).WhereNull(dcols.UnboundAt).
			Data(g.Map{dcols.UnboundAt: at}).Update(); err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n != int64(len(ids)) {
			return errStale
		}
		return emitUnbound(ctx, p, &next, ids)
	})
	if err != nil {
		return nil, err
	}
	s.changed(ctx, &next)
	return &next, nil
}

// emitUnbound tells the project which devices were released: "device" the one (or the first),
// "devices" all of them.
func emitUnbound(ctx context.Context, p *projectState, c *cardState, ids []int64) error {
	if !p.wants("card.unbound") {
		return nil
	}
	dcols := dao.CardDevices.Columns()
	vals, err := dao.CardDevices.Ctx(ctx).Fields(dcols.Device).WhereIn(dcols.Id, ids).OrderAsc(dcols.Id).Array()
	if err != nil {
		return err
	}
	devices := make([]string, len(vals))
	for i, v := range vals {
		devices[i] = v.String()
	}
	extra := g.Map{"devices": devices, "source": "openapi"}
	if len(devices) > 0 {
		extra["device"] = devices[0]
	}
	return emitCard(ctx, p, "card.unbound", c, extra)
}
