package job

import (
	"context"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
)

// syncTable inserts a row for every registered job that has none, with its default schedule,
// and refreshes descriptions; schedules and on/off states set by the super-admin are kept.
// InsertIgnore makes two nodes booting together harmless.
func syncTable(ctx context.Context) error {
	cols := dao.Jobs.Columns()
	for _, d := range defs() {
		enabled := 1
		if d.StartDisabled {
			enabled = 0
		}
		now := gtime.Now()
		_, err := dao.Jobs.Ctx(ctx).Data(do.Jobs{
			Name: d.Name, Description: d.Description, Schedule: d.DefaultSchedule, Enabled: enabled,
			CreatedAt: now, UpdatedAt: now,
		}).InsertIgnore()
		if err != nil {
			return err
		}
		_, err = dao.Jobs.Ctx(ctx).Where(cols.Name, d.Name).WhereNot(cols.Description, d.Description).
			Data(do.Jobs{Description: d.Description}).Update()
		if err != nil {
			return err
		}
	}
	return nil
}
