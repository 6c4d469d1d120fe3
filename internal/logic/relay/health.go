package relay

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/infra/redisx"
	"kami/internal/model/do"
)

// modelMissingEvery bounds the model_missing events of one channel and model (§4).
const modelMissingEvery = time.Hour

// healthy records a channel's successful answer on this node: it closes a half-open channel
// and clears its failure counts (no I/O: the counts are memory).
func (s *sRelay) healthy(c *channel) { s.cool.success(c.ID) }

// failed applies one failed attempt to the channel's health (§4's table): a transient failure
// counts towards cooling on this node, and a trip that makes disableAfterTrips consecutive ones
// disables the channel cluster-wide (autoBan); a fatal answer disables the key (autoBan); a
// missing model writes an event at most once an hour. A client fault changes nothing.
func (s *sRelay) failed(ctx context.Context, c *channel, keyID int64, model string, f *openaicompat.Failure, kn knobs) {
	switch f.Class {
	case openaicompat.Transient:
		trips, tripped := s.cool.failure(c.ID, s.now(), kn.cool)
		if tripped {
			s.tripped(ctx, c, trips, kn.disableAfterTrips)
		}
	case openaicompat.Fatal:
		if c.AutoBan {
			s.autoDisable(ctx, c, keyID, f)
		}
	case openaicompat.ModelMissing:
		s.modelMissing(ctx, c, model)
	}
}

// tripped records a trip on the channel row and, at disableAfterTrips consecutive trips on
// this node, switches an autoBan channel 1 -> 2 by conditional UPDATE (a manual 0 is never
// touched; of two nodes racing, one writes the event).
func (s *sRelay) tripped(ctx context.Context, c *channel, trips, disableAfter int) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	cols := dao.RelayChannels.Columns()
	now := gtime.NewFromTime(s.now())
	reason := fmt.Sprintf("%d consecutive cooling trips", trips)
	changed := false
	err := dao.RelayChannels.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		_, err := dao.RelayChannels.Ctx(ctx).TX(tx).Data(g.Map{cols.Trips: trips}).WherePri(c.ID).
			Where(cols.Status, statusEnabled).Update()
		if err != nil || !c.AutoBan || trips < max(disableAfter, 1) {
			return err
		}
		res, err := dao.RelayChannels.Ctx(ctx).TX(tx).Data(g.Map{cols.Status: statusAutoOff, cols.StatusReason: reason,
			cols.StatusChangedAt: now, cols.UpdatedAt: now, cols.Version: gdb.Raw(cols.Version + " + 1")}).
			WherePri(c.ID).Where(cols.Status, statusEnabled).Update()
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			changed = true
			return event(ctx, tx, c.ID, 0, "auto_disabled", reason, now)
		}
		return nil
	})
	if err != nil {
		g.Log("relay").Warningf(ctx, "trip of channel %d: %v", c.ID, err)
		return
	}
	if changed {
		s.noticeDisabled(ctx, c, reason)
		s.invalidate(ctx, "channel", c.ID)
	}
}

// modelMissing writes a model_missing event for (channel, model) at most once an hour across
// the cluster: the Redis key is taken with NX, so of many failing requests one writes.
func (s *sRelay) modelMissing(ctx context.Context, c *channel, model string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if !firstIn(ctx, redisx.Key("relay", "mm", strconv.FormatInt(c.ID, 10), model), modelMissingEvery) {
		return
	}
	_, err := dao.RelayChannelEvents.Ctx(ctx).Data(do.RelayChannelEvents{ChannelId: c.ID, Kind: "model_missing",
		Model: truncate(model, 128), Reason: "the upstream does not know the model", CreatedAt: gtime.NewFromTime(s.now())}).Insert()
	if err != nil {
		g.Log("relay").Warningf(ctx, "model_missing event of channel %d: %v", c.ID, err)
	}
}

// autoDisable handles a fatal upstream result (a dead or unpaid key): the key goes 1 -> 2 by a
// conditional UPDATE (a manual 0 is never touched, and of two racing nodes one writes the
// event), and the channel 1 -> 2 when no enabled key is left; then the caches are rebuilt.
// It runs between attempts, on a context of its own (the client may leave meanwhile).
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
	cols := dao.RelayChannels.Columns()
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
		res, err = dao.RelayChannels.Ctx(ctx).TX(tx).Data(g.Map{cols.Status: statusAutoOff,
			cols.StatusReason: "no enabled key left", cols.StatusChangedAt: now, cols.UpdatedAt: now,
			cols.Version: gdb.Raw(cols.Version + " + 1")}).WherePri(c.ID).
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
		s.noticeDisabled(ctx, c, "key "+strconv.FormatInt(keyID, 10)+": "+reason)
		s.invalidate(ctx, "channel", c.ID)
	}
}

func event(ctx context.Context, tx gdb.TX, channelID, keyID int64, kind, reason string, at *gtime.Time) error {
	_, err := dao.RelayChannelEvents.Ctx(ctx).TX(tx).Data(do.RelayChannelEvents{ChannelId: channelID, KeyId: keyID,
		Kind: kind, Reason: reason, CreatedAt: at}).Insert()
	return err
}
