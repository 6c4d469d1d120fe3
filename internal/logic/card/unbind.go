package card

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/card/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/service"
)

// Unbind releases every device of a card in scope (seed 001 §3.3): only an active card before
// its expiry, within the project's limit (max_unbinds over the card's life) and cooldown
// (unbind_cooldown seconds since its last unbind). The validity is never reset: the card stays
// active with boundDevices 0 (the panel shows 未绑定) and the next verification binds the new
// device without touching expiresAt. The guarded UPDATE on version makes two racing unbinds
// count once; the operation log records it in the same transaction.
func (s *sCard) Unbind(ctx context.Context, req *v1.CardUnbindReq) (*v1.CardUnbindRes, error) {
	c, err := cardInScope(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	now := s.now()
	if c.Status != model.CardActive || (c.ExpiresAt != nil && !c.ExpiresAt.After(now)) {
		return nil, errs.CardNotUnbindable.New()
	}
	p, err := service.Project().Find(ctx, c.ProjectId)
	if err != nil {
		return nil, err
	}
	if c.UnbindCount >= p.MaxUnbinds {
		return nil, errs.UnbindLimitReached.New()
	}
	if c.LastUnbindAt != nil && p.UnbindCooldown > 0 {
		next := c.LastUnbindAt.Add(time.Duration(p.UnbindCooldown) * time.Second)
		if now.Before(next) {
			return nil, errs.UnbindCooldown.New(int64(next.Sub(now) / time.Second))
		}
	}
	cols, dcols := dao.Cards.Columns(), dao.CardDevices.Columns()
	var released int64
	err = dao.Cards.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		r, err := dao.Cards.Ctx(ctx).WherePri(c.Id).Where(cols.Version, c.Version).Where(cols.Status, model.CardActive).
			Data(gdb.Map{cols.BoundDevices: 0, cols.UnbindCount: gdb.Raw(cols.UnbindCount + "+1"), cols.LastUnbindAt: now,
				cols.UpdatedAt: now, cols.Version: gdb.Raw(cols.Version + "+1")}).Update()
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return errs.InvalidState.New() // a verification, an unbind or a disablement came first
		}
		if r, err = dao.CardDevices.Ctx(ctx).Where(dcols.CardId, c.Id).WhereNull(dcols.UnboundAt).
			Data(do.CardDevices{UnboundAt: now}).Update(); err != nil {
			return err
		}
		released, _ = r.RowsAffected()
		if err := emitCard(ctx, p, "card.unbound", c, map[string]any{"source": "admin", "devices": released}); err != nil {
			return err
		}
		return auditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	cardsChanged(ctx, c.Id)
	item, err := s.cardItem(ctx, c.Id)
	if err != nil {
		return nil, err
	}
	return &v1.CardUnbindRes{CardItem: *item, Released: int(released)}, nil
}
