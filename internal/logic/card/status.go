package card

import (
	"context"
	"slices"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/card/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/scope"
)

// maxSelection bounds the cards one PUT /cards/status changes.
const maxSelection = 1000

// SetStatus disables a card, or enables it again.
func (s *sCard) SetStatus(ctx context.Context, req *v1.CardStatusReq) (*v1.CardStatusRes, error) {
	if _, err := s.setStatuses(ctx, []int64{req.Id}, req.Status); err != nil {
		return nil, err
	}
	item, err := s.cardItem(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &v1.CardStatusRes{CardItem: *item}, nil
}

// SetStatuses disables or enables a selection of cards: all in the caller's scope or none.
func (s *sCard) SetStatuses(ctx context.Context, req *v1.CardsStatusReq) (*v1.CardsStatusRes, error) {
	n, err := s.setStatuses(ctx, req.Ids, req.Status)
	if err != nil {
		return nil, err
	}
	return &v1.CardsStatusRes{Changed: n}, nil
}

// setStatuses applies one statement to every card of ids. Disabling keeps the dates; enabling
// returns each card to what its dates say (never activated: unused; past expires_at: expired;
// else active), so a disablement never extends or shortens a validity. The WHERE on the current
// status makes a racing change apply once; version counts the change.
func (s *sCard) setStatuses(ctx context.Context, ids []int64, status string) (int, error) {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	if len(ids) == 0 || len(ids) > maxSelection || ids[0] < 1 {
		return 0, errs.InvalidInput.Msg("ids: 1-1000 card ids")
	}
	cols := dao.Cards.Columns()
	n, err := scope.Apply(ctx, dao.Cards.Ctx(ctx), cols.OwnerId).WhereIn(cols.Id, ids).Count()
	if err != nil {
		return 0, err
	}
	if n != len(ids) {
		return 0, errs.NotFound.New() // one outside the scope reads as one that does not exist
	}
	now := s.now()
	var changed int64
	err = dao.Cards.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		base := func() *gdb.Model { return dao.Cards.Ctx(ctx).WhereIn(cols.Id, ids) }
		data := func(to string) gdb.Map {
			d := gdb.Map{cols.Status: to, cols.UpdatedAt: now, cols.Version: gdb.Raw(cols.Version + "+1")}
			if to == model.CardDisabled {
				d[cols.DisabledAt] = now
			} else {
				d[cols.DisabledAt] = nil
			}
			return d
		}
		var steps []*gdb.Model
		if status == model.CardDisabled {
			steps = []*gdb.Model{base().WhereNot(cols.Status, model.CardDisabled).Data(data(model.CardDisabled))}
		} else {
			// In this order, each statement taking the disabled cards the earlier ones left.
			steps = []*gdb.Model{
				base().Where(cols.Status, model.CardDisabled).WhereNull(cols.ActivatedAt).Data(data(model.CardUnused)),
				base().Where(cols.Status, model.CardDisabled).WhereNotNull(cols.ExpiresAt).
					WhereLTE(cols.ExpiresAt, now).Data(data(model.CardExpired)),
				base().Where(cols.Status, model.CardDisabled).Data(data(model.CardActive)),
			}
		}
		for _, m := range steps {
			r, err := m.Update()
			if err != nil {
				return err
			}
			n, _ := r.RowsAffected()
			changed += n
		}
		if changed == 0 {
			return nil
		}
		if status == model.CardDisabled {
			if err := emitDisabled(ctx, ids, now); err != nil {
				return err
			}
		}
		return auditInTx(ctx, tx)
	})
	if err == nil && changed > 0 {
		cardsChanged(ctx, ids...)
	}
	return int(changed), err
}
