package card

import (
	"context"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

// emitDisabled writes card.disabled for the cards among ids this change disabled (disabled_at
// is its time), in its transaction, for the projects that chose the event.
func emitDisabled(ctx context.Context, ids []int64, at *gtime.Time) error {
	cols := dao.Cards.Columns()
	var rows []entity.Cards
	err := dao.Cards.Ctx(ctx).FieldsEx(cols.KeySealed).WhereIn(cols.Id, ids).Where(cols.Status, model.CardDisabled).
		Where(cols.DisabledAt, at).Scan(&rows)
	if err != nil && !dbx.IsNoRows(err) {
		return err
	}
	projects := map[int64]*entity.Projects{}
	for i := range rows {
		c := &rows[i]
		p, ok := projects[c.ProjectId]
		if !ok {
			if p, err = service.Project().Find(ctx, c.ProjectId); err != nil {
				return err
			}
			projects[c.ProjectId] = p
		}
		if err := emitCard(ctx, p, "card.disabled", c, map[string]any{"source": "admin"}); err != nil {
			return err
		}
	}
	return nil
}
