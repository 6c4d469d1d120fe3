package relay

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/model/do"
)

// autoDisable handles a fatal upstream result (a dead or unpaid key): the key goes 1 -> 2 by a
// conditional UPDATE (a manual 0 is never touched, and of two racing nodes one writes the
// event), and the channel 1 -> 2 when no enabled key is left; then the caches are rebuilt.
// It runs after the client's answer, on a context of its own.
func (s *sRelay) autoDisable(ctx context.Context, c *channel, keyID int64, f *openaicompat.Failure) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	reason := f.Code
	if reason == "" {
		reason = f.Type
	}
	if reason == "" {
		reason = "fatal upstream answer"
	}
	now := gtime.NewFromTime(s.now())
	changed := false
	err := dao.RelayChannelKeys.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		res, err := dao.RelayChannelKeys.Ctx(ctx).TX(tx).Data(do.RelayChannelKeys{Status: statusAutoOff,
			StatusReason: reason, UpdatedAt: now}).WherePri(keyID).Where(dao.RelayChannelKeys.Columns().Status, statusEnabled).Update()
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		changed = true
		if err = event(ctx, tx, c.ID, keyID, "auto_disabled", reason, now); err != nil {
			return err
		}
		left, err := dao.RelayChannelKeys.Ctx(ctx).TX(tx).Where(dao.RelayChannelKeys.Columns().ChannelId, c.ID).
			Where(dao.RelayChannelKeys.Columns().Status, statusEnabled).Count()
		if err != nil || left > 0 {
			return err
		}
		res, err = dao.RelayChannels.Ctx(ctx).TX(tx).Data(do.RelayChannels{Status: statusAutoOff,
			StatusReason: "no enabled key left", StatusChangedAt: now}).WherePri(c.ID).
			Where(dao.RelayChannels.Columns().Status, statusEnabled).Update()
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return event(ctx, tx, c.ID, 0, "auto_disabled", "no enabled key left", now)
		}
		return nil
	})
	if err != nil {
		g.Log("relay").Warningf(ctx, "auto-disable of channel %d key %d: %v", c.ID, keyID, err)
		return
	}
	if changed {
		s.invalidate(ctx, "channel", c.ID)
	}
}

func event(ctx context.Context, tx gdb.TX, channelID, keyID int64, kind, reason string, at *gtime.Time) error {
	_, err := dao.RelayChannelEvents.Ctx(ctx).TX(tx).Data(do.RelayChannelEvents{ChannelId: channelID, KeyId: keyID,
		Kind: kind, Reason: reason, CreatedAt: at}).Insert()
	return err
}
