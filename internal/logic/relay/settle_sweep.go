package relay

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// SettleSweepJob finishes what a request could not (relay.md §7): final rows whose settlement
// failed, and orphans of a node that died mid-request.
const SettleSweepJob = "relay.settle.sweep"

const (
	// redoAfter: a final row still pending this long after its outcome was written had its
	// settlement fail; the live path never takes this long.
	redoAfter = 30 * time.Second
	// orphanGrace is added to maxStreamDurationS: a request pending past both cannot be running.
	orphanGrace = 300 * time.Second
	sweepBatch  = 500
)

func init() {
	job.Register(job.Def{Name: SettleSweepJob, DefaultSchedule: "@every 30s",
		Description: "Redo failed relay settlements and settle requests orphaned by a dead node (orphanPolicy)",
		Run:         func(ctx context.Context) (int, error) { return service.Relay().SettleSweep(ctx) }})
}

// SettleSweep redoes the settlement of final rows pending for over 30 s and settles rows
// pending past maxStreamDurationS + 300 s as orphaned, per relay.orphanPolicy: release (0) or
// the prompt estimate. Each row is finished by the guarded pending -> final UPDATE, so two
// sweeps racing (or a sweep and a late request) settle it once. It returns the rows settled.
func (s *sRelay) SettleSweep(ctx context.Context) (int, error) {
	now := s.now()
	redo, orphans, err := s.sweepable(ctx, now)
	if err != nil {
		return 0, err
	}
	n := 0
	var firstErr error
	for _, r := range redo {
		// The outcome is on the row: only the state moves (and the reservation with it).
		won, err := s.finish(ctx, settlementOf(&r, r.Quota), do.RelayLogs{Final: 1})
		n, firstErr = tally(n, won, err, firstErr)
	}
	prompt := service.Settings().String("relay.orphanPolicy") == "prompt"
	for _, r := range orphans {
		quota := int64(0)
		data := do.RelayLogs{Status: "orphaned", Final: 1, ErrorCode: "orphaned", SettledAt: gtime.NewFromTime(now),
			LatencyMs: now.Sub(r.CreatedAt.Time).Milliseconds()}
		if prompt {
			quota = orphanPromptQuota(&r)
			data.UsageSource = "estimate"
		} else {
			data.PromptTokens = 0
		}
		data.Quota = quota
		won, err := s.finish(ctx, settlementOf(&r, quota), data)
		n, firstErr = tally(n, won, err, firstErr)
	}
	return n, firstErr
}

// SettleBacklog counts the rows the sweeper would act on now (kami_relay_settle_backlog).
func (s *sRelay) SettleBacklog(ctx context.Context) (int, error) {
	redo, orphans, err := s.sweepable(ctx, s.now())
	return len(redo) + len(orphans), err
}

func (s *sRelay) sweepable(ctx context.Context, now time.Time) (redo, orphans []entity.RelayLogs, err error) {
	c := dao.RelayLogs.Columns()
	if err = dao.RelayLogs.Ctx(ctx).Where(c.SettleState, "pending").Where(c.Final, 1).
		WhereLTE(c.SettledAt, now.UTC().Add(-redoAfter)).OrderAsc(c.Id).Limit(sweepBatch).Scan(&redo); err != nil {
		return nil, nil, err
	}
	maxDur := time.Duration(service.Settings().Int("relay.maxStreamDurationS")) * time.Second
	cutoff := now.UTC().Add(-maxDur - orphanGrace)
	if err = dao.RelayLogs.Ctx(ctx).Where(c.SettleState, "pending").Where(c.Final, 0).
		WhereLTE(c.CreatedAt, cutoff).OrderAsc(c.Id).Limit(sweepBatch).Scan(&orphans); err != nil {
		return nil, nil, err
	}
	return redo, orphans, nil
}

func settlementOf(r *entity.RelayLogs, quota int64) settlement {
	return settlement{rid: r.RequestId, userID: r.UserId, tokenID: r.TokenId, resID: r.ReservationId,
		pre: r.PreQuota, quota: quota}
}

// orphanPromptQuota charges the prompt estimate the row was opened with, at its own ratios.
func orphanPromptQuota(r *entity.RelayLogs) int64 {
	p := Price{Model: r.Model, ModelRatio: parseDec(r.ModelRatio, "0"), CompletionRatio: parseDec(r.CompletionRatio, "1"),
		CacheRatio: parseDec(r.CacheRatio, "1"), ModelPrice: parseDec(r.ModelPrice, "0")}
	gr := parseDec(r.GroupRatio, "1")
	// Per-call prices charge only delivered output, which an orphan cannot prove.
	return FinalQuota(p, gr, Usage{Prompt: r.PromptTokens}, false)
}

func tally(n int, won bool, err, first error) (int, error) {
	if err != nil {
		g.Log("relay").Warningf(context.Background(), "relay settle sweep: %v", err)
		if first == nil {
			first = err
		}
		return n, first
	}
	if won {
		n++
	}
	return n, first
}
