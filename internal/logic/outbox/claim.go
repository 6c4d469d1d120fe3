package outbox

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/entity"
)

// claimed is an event this node holds the lease of, for one attempt.
type claimed struct {
	row     entity.OutboxEvents
	attempt int // attempts after the claim: this attempt's number, never sent before
	round   int // round_attempts after the claim
	owner   string
}

// claim takes up to limit due events. Candidates are read first, then each is taken with an
// UPDATE that repeats every condition and the attempt counters it read; only the node whose
// UPDATE changes the row (RowsAffected == 1) owns the attempt, so two nodes reading the same
// candidates never both send it, and the attempt number is the one this node computed. No
// SELECT … FOR UPDATE SKIP LOCKED: it is not TiDB-compatible.
func (s *sOutbox) claim(ctx context.Context, limit int) ([]claimed, error) {
	known := topics()
	if len(known) == 0 || limit <= 0 {
		return nil, nil
	}
	cols := dao.OutboxEvents.Columns()
	now := gtime.New(s.now())
	var rows []entity.OutboxEvents
	err := due(dao.OutboxEvents.Ctx(ctx), now).WhereIn(cols.Topic, known).
		OrderAsc(cols.NextAttemptAt).OrderAsc(cols.Id).Limit(limit).Scan(&rows)
	if err != nil || len(rows) == 0 {
		return nil, ignoreNoRows(err)
	}
	owner := s.cfg().NodeID
	until := gtime.New(s.now().Add(leaseFor))
	// Once an UPDATE is sent its outcome must be read, or an event would sit leased by a claim
	// nobody follows: a Stop ends the loop between candidates, never inside one.
	db := context.WithoutCancel(ctx)
	var out []claimed
	for _, r := range rows {
		if ctx.Err() != nil {
			break
		}
		res, err := due(dao.OutboxEvents.Ctx(db), now).
			Where(cols.Id, r.Id).Where(cols.Attempts, r.Attempts).Where(cols.RoundAttempts, r.RoundAttempts).
			Data(g.Map{
				cols.LeaseOwner: owner, cols.LeaseUntil: until, cols.UpdatedAt: now,
				cols.Attempts:      gdb.Raw(cols.Attempts + "+1"),
				cols.RoundAttempts: gdb.Raw(cols.RoundAttempts + "+1"),
			}).Update()
		if err != nil {
			return out, err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			continue // another node took it first
		}
		out = append(out, claimed{row: r, attempt: r.Attempts + 1, round: r.RoundAttempts + 1, owner: owner})
	}
	return out, nil
}

// due narrows m to pending events whose time has come and whose lease, if any, has run out.
func due(m *gdb.Model, now *gtime.Time) *gdb.Model {
	cols := dao.OutboxEvents.Columns()
	return m.Where(cols.Status, StatusPending).WhereLTE(cols.NextAttemptAt, now).
		Where("("+cols.LeaseUntil+" IS NULL OR "+cols.LeaseUntil+" < ?)", now)
}
