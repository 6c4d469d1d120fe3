package relay

import (
	"context"
	"sync/atomic"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
	"golang.org/x/sync/errgroup"

	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/logic/job"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

// ProbeJob brings back what automation disabled (relay.md §4), once across nodes.
const ProbeJob = "relay.channel.probe"

const (
	keyRecoverSuccesses = "relay.recoverSuccesses"
	// probeParallel bounds the channels probed at once: one slow upstream (30 s limit per call)
	// must not hold up the others, nor may a run open hundreds of connections.
	probeParallel = 4
)

func init() {
	job.Register(job.Def{Name: ProbeJob, DefaultSchedule: "@every 5m",
		Description: "Probe auto-disabled relay keys and channels; re-enable after relay.recoverSuccesses consecutive successful runs",
		Run:         func(ctx context.Context) (int, error) { return service.Relay().ChannelProbe(ctx) }})
}

// ChannelProbe probes every key and channel at status 2 (disabled by automation) and returns
// the number of upstream calls made. Nothing at 0 is touched: a channel switched off by hand is
// skipped whole, a key switched off by hand is never probed. A key or channel comes back only
// after relay.recoverSuccesses consecutive successful runs (a failed run resets the count), so
// a flapping upstream stays off. Probes go around the pipeline: never billed, never logged as
// requests.
func (s *sRelay) ChannelProbe(ctx context.Context) (int, error) {
	rows, err := probeTargets(ctx)
	if err != nil {
		return 0, err
	}
	need := max(service.Settings().Int(keyRecoverSuccesses), 1)
	var calls atomic.Int64
	eg, ectx := errgroup.WithContext(ctx)
	eg.SetLimit(probeParallel)
	for i := range rows {
		row := &rows[i]
		eg.Go(func() error {
			n, err := s.probeChannel(ectx, row, need)
			calls.Add(int64(n))
			return err
		})
	}
	err = eg.Wait()
	return int(calls.Load()), err
}

// probeTargets are the channels at 2 and the channels at 1 with a key at 2 (two plain queries:
// the same SQL on every dialect).
func probeTargets(ctx context.Context) ([]entity.RelayChannels, error) {
	c, k := dao.RelayChannels.Columns(), dao.RelayChannelKeys.Columns()
	var rows, more []entity.RelayChannels
	if err := dao.RelayChannels.Ctx(ctx).Where(c.Status, statusAutoOff).OrderAsc(c.Id).Scan(&rows); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	withOffKey := dao.RelayChannelKeys.Ctx(ctx).Fields(k.ChannelId).Where(k.Status, statusAutoOff)
	if err := dao.RelayChannels.Ctx(ctx).Where(c.Status, statusEnabled).WhereIn(c.Id, withOffKey).
		OrderAsc(c.Id).Scan(&more); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	return append(rows, more...), nil
}

// probeChannel runs one channel's probes: each key at 2 with its own key, then, for a channel
// at 2 none of whose keys answered, one call with an enabled key. The channel's run succeeds
// when any call of it succeeded.
func (s *sRelay) probeChannel(ctx context.Context, row *entity.RelayChannels, need int64) (int, error) {
	k := dao.RelayChannelKeys.Columns()
	var keys []entity.RelayChannelKeys
	if err := dao.RelayChannelKeys.Ctx(ctx).Where(k.ChannelId, row.Id).OrderAsc(k.Id).Scan(&keys); err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	model := testModelOf(row)
	calls, ok, changed := 0, false, false
	for _, key := range keys {
		if key.Status != statusAutoOff {
			continue
		}
		good := s.probeOnce(ctx, row, key.Id, key.Secret, model)
		calls++
		ok = ok || good
		c, err := s.countProbe(ctx, row.Id, key.Id, good, need)
		if err != nil {
			return calls, err
		}
		changed = changed || c
	}
	if row.Status == statusAutoOff {
		if !ok {
			for _, key := range keys {
				if key.Status == statusEnabled {
					ok = s.probeOnce(ctx, row, key.Id, key.Secret, model)
					calls++
					break
				}
			}
		}
		// A channel without a key automation or the operator left on cannot be judged; its
		// count waits for a key to come back.
		if calls > 0 {
			c, err := s.countProbe(ctx, row.Id, 0, ok, need)
			if err != nil {
				return calls, err
			}
			changed = changed || c
		}
	}
	if changed {
		s.invalidate(ctx, "channel", row.Id)
	}
	return calls, nil
}

// probeOnce is one call with a sealed key and its event (probe_ok / probe_fail).
func (s *sRelay) probeOnce(ctx context.Context, row *entity.RelayChannels, keyID int64, sealed, model string) bool {
	plain, err := keyring.Open(channelKeyPurpose, sealed)
	res := &struct {
		Ok  bool
		Msg string
	}{Msg: "the key does not open under this master key"}
	if err == nil {
		r := s.callChannel(ctx, row, model, string(plain))
		res.Ok, res.Msg = r.Ok, r.Message
	}
	kind := "probe_fail"
	if res.Ok {
		kind, res.Msg = "probe_ok", ""
	}
	now := gtime.NewFromTime(s.now())
	if err := dao.RelayChannelEvents.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		return s.channelEvent(ctx, tx, row.Id, keyID, kind, res.Msg, now)
	}); err != nil {
		g.Log("relay").Warningf(ctx, "probe event of channel %d: %v", row.Id, err)
	}
	return res.Ok
}
