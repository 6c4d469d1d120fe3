package relay

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/relay/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/utility/dbx"
)

// ChannelStatus switches a channel on (1) or off (0) by hand. A manual status always wins: it
// overwrites 2 as well, automation never touches a 0, and switching on resets the trip and
// probe counters so the channel starts clean.
func (s *sRelay) ChannelStatus(ctx context.Context, req *v1.ChannelStatusReq) (*v1.ChannelStatusRes, error) {
	if _, err := channelRow(ctx, req.Id); err != nil {
		return nil, err
	}
	now := gtime.NewFromTime(s.now())
	c := dao.RelayChannels.Columns()
	data := g.Map{c.Status: *req.Status, c.StatusReason: truncate(req.Reason, 255), c.StatusChangedAt: now,
		c.UpdatedAt: now, c.Version: gdb.Raw(c.Version + " + 1")}
	kind := "manual_disabled"
	if *req.Status == statusEnabled {
		data[c.Trips], data[c.ProbeSuccesses] = 0, 0
		kind = "manual_enabled"
	}
	err := dao.RelayChannels.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if _, err := dao.RelayChannels.Ctx(ctx).TX(tx).Data(data).WherePri(req.Id).Update(); err != nil {
			return err
		}
		return s.channelEvent(ctx, tx, req.Id, 0, kind, req.Reason, now)
	})
	if err != nil {
		return nil, err
	}
	if *req.Status == statusEnabled {
		s.cool.success(req.Id) // the other nodes forgive it when their snapshot is rebuilt
	}
	return s.afterChannelWrite(ctx, req.Id)
}

// ChannelKeysAdd seals and adds keys to an existing channel.
func (s *sRelay) ChannelKeysAdd(ctx context.Context, req *v1.ChannelKeysAddReq) (*v1.ChannelKeysAddRes, error) {
	if _, err := channelRow(ctx, req.Id); err != nil {
		return nil, err
	}
	keys, err := cleanKeys(req.Keys)
	if err != nil {
		return nil, err
	}
	now := gtime.NewFromTime(s.now())
	err = dao.RelayChannels.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if err := insertKeys(ctx, tx, req.Id, keys, now); err != nil {
			return err
		}
		return s.channelEvent(ctx, tx, req.Id, 0, "keys_added", "", now)
	})
	if err != nil {
		return nil, err
	}
	return s.afterChannelWrite(ctx, req.Id)
}

// ChannelKeyStatus switches one key on or off by hand; like the channel's, a manual status wins
// over automation and switching on resets the key's probe counter.
func (s *sRelay) ChannelKeyStatus(ctx context.Context, req *v1.ChannelKeyStatusReq) (*v1.ChannelKeyStatusRes, error) {
	if err := requireKey(ctx, req.Id, req.KeyId); err != nil {
		return nil, err
	}
	now := gtime.NewFromTime(s.now())
	k := dao.RelayChannelKeys.Columns()
	kind := "manual_disabled"
	if *req.Status == statusEnabled {
		kind = "manual_enabled"
	}
	err := dao.RelayChannels.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if _, err := dao.RelayChannelKeys.Ctx(ctx).TX(tx).Data(g.Map{k.Status: *req.Status, k.StatusReason: "",
			k.ProbeSuccesses: 0, k.UpdatedAt: now}).WherePri(req.KeyId).Update(); err != nil {
			return err
		}
		return s.channelEvent(ctx, tx, req.Id, req.KeyId, kind, "", now)
	})
	if err != nil {
		return nil, err
	}
	return s.afterChannelWrite(ctx, req.Id)
}

// ChannelKeyDelete removes one key of a channel.
func (s *sRelay) ChannelKeyDelete(ctx context.Context, req *v1.ChannelKeyDeleteReq) (*v1.ChannelKeyDeleteRes, error) {
	if err := requireKey(ctx, req.Id, req.KeyId); err != nil {
		return nil, err
	}
	now := gtime.NewFromTime(s.now())
	err := dao.RelayChannels.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if _, err := dao.RelayChannelKeys.Ctx(ctx).TX(tx).WherePri(req.KeyId).Delete(); err != nil {
			return err
		}
		return s.channelEvent(ctx, tx, req.Id, req.KeyId, "key_deleted", "", now)
	})
	if err != nil {
		return nil, err
	}
	return s.afterChannelWrite(ctx, req.Id)
}

// requireKey answers 404 unless keyID is a key of channel channelID.
func requireKey(ctx context.Context, channelID, keyID int64) error {
	n, err := dao.RelayChannelKeys.Ctx(ctx).WherePri(keyID).Where(dao.RelayChannelKeys.Columns().ChannelId, channelID).Count()
	if err != nil && !dbx.IsNoRows(err) {
		return err
	}
	if n == 0 {
		return errs.NotFound.New()
	}
	return nil
}
