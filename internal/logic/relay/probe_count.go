package relay

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
)

// countProbe records one probe run of a key (keyID > 0) or of the channel itself (keyID 0) and
// reports whether its status changed. Every statement is guarded by "status = 2": an operator's
// 0 or 1 written meanwhile wins, and a row moved by hand is left alone. Success counts up to
// need − 1; the run that would reach need switches the row 2 → 1 instead (a channel only when
// it has an enabled key to serve with). A failure resets the count.
func (s *sRelay) countProbe(ctx context.Context, channelID, keyID int64, good bool, need int64) (bool, error) {
	now := gtime.NewFromTime(s.now())
	model, id := dao.RelayChannels.Ctx(ctx), channelID
	counter, status := dao.RelayChannels.Columns().ProbeSuccesses, dao.RelayChannels.Columns().Status
	if keyID > 0 {
		model, id = dao.RelayChannelKeys.Ctx(ctx), keyID
		counter, status = dao.RelayChannelKeys.Columns().ProbeSuccesses, dao.RelayChannelKeys.Columns().Status
	}
	changed := false
	err := dao.RelayChannels.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		m := func() *gdb.Model { return model.Clone().Ctx(ctx).TX(tx).WherePri(id).Where(status, statusAutoOff) }
		if !good {
			_, err := m().Data(g.Map{counter: 0}).Update()
			return err
		}
		res, err := m().Data(g.Map{counter: gdb.Raw(counter + " + 1")}).WhereLT(counter, need-1).Update()
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return nil
		}
		if keyID == 0 {
			k := dao.RelayChannelKeys.Columns()
			on, err := dao.RelayChannelKeys.Ctx(ctx).TX(tx).Where(k.ChannelId, channelID).Where(k.Status, statusEnabled).Count()
			if err != nil || on == 0 {
				return err
			}
		}
		data := g.Map{counter: 0, status: statusEnabled}
		if keyID > 0 {
			data[dao.RelayChannelKeys.Columns().StatusReason] = ""
			data[dao.RelayChannelKeys.Columns().UpdatedAt] = now
		} else {
			c := dao.RelayChannels.Columns()
			data[c.StatusReason], data[c.StatusChangedAt], data[c.Trips] = "", now, 0
			data[c.UpdatedAt], data[c.Version] = now, gdb.Raw(c.Version+" + 1")
		}
		if res, err = m().Data(data).Update(); err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			changed = true
			return s.channelEvent(ctx, tx, channelID, keyID, "auto_enabled", "recovered after consecutive successful probes", now)
		}
		return nil
	})
	return changed, err
}
