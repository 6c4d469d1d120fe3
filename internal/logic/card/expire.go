package card

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

// ExpireJob marks cards whose validity ended.
const ExpireJob = "card.expire"

// expireBatch bounds the cards one pass reads; a run loops until none is left.
const expireBatch = 500

func init() {
	job.Register(job.Def{
		Name:            ExpireJob,
		Description:     "Mark active cards past their expiry time expired and send card.expired to their projects",
		DefaultSchedule: "@every 1m",
		Run:             func(ctx context.Context) (int, error) { return service.Card().Expire(ctx) },
	})
}

// Expire is one run of the job: every active card whose expires_at passed becomes expired, each
// in its own transaction with its card.expired event, claimed by a conditional UPDATE so a
// disablement or another run racing it never produces a second event. (A verification finds
// such a card EXPIRED by its date before the job marks it.) It answers how many it marked.
func (s *sCard) Expire(ctx context.Context) (int, error) {
	cols := dao.Cards.Columns()
	done := 0
	projects := map[int64]*entity.Projects{}
	for {
		now := s.now()
		var rows []entity.Cards
		err := dao.Cards.Ctx(ctx).FieldsEx(cols.KeySealed).Where(cols.Status, model.CardActive).
			WhereNotNull(cols.ExpiresAt).WhereLTE(cols.ExpiresAt, now).OrderAsc(cols.ExpiresAt).OrderAsc(cols.Id).
			Limit(expireBatch).Scan(&rows)
		if err != nil && !dbx.IsNoRows(err) {
			return done, err
		}
		marked := 0
		for i := range rows {
			c := &rows[i]
			p, ok := projects[c.ProjectId]
			if !ok {
				if p, err = service.Project().Find(ctx, c.ProjectId); err != nil {
					return done, err
				}
				projects[c.ProjectId] = p
			}
			err := dao.Cards.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
				r, err := dao.Cards.Ctx(ctx).WherePri(c.Id).Where(cols.Status, model.CardActive).
					WhereLTE(cols.ExpiresAt, now).Data(gdb.Map{cols.Status: model.CardExpired, cols.UpdatedAt: now,
					cols.Version: gdb.Raw(cols.Version + "+1")}).Update()
				if err != nil {
					return err
				}
				if n, _ := r.RowsAffected(); n != 1 {
					return nil // disabled or marked meanwhile
				}
				marked++
				c.Status = model.CardExpired
				return emitCard(ctx, p, "card.expired", c, nil)
			})
			if err != nil {
				return done, err
			}
			if c.Status == model.CardExpired {
				cardsChanged(ctx, c.Id)
			}
		}
		done += marked
		if len(rows) < expireBatch || marked == 0 {
			return done, nil
		}
	}
}
