package apicalls

import (
	"context"
	"errors"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/utility/dbx"
)

// failureBuffer is this node's refusals since the last flush: per project a ring of the newest
// ones, at most openapi.failureLog of them.
type failureBuffer struct {
	mu    sync.Mutex
	rings map[int64]*ring
}

type ring struct {
	limit int
	items []model.ApiFailure // oldest first until full; then next is the oldest
	next  int
}

func (b *failureBuffer) init() { b.rings = map[int64]*ring{} }

func (r *ring) push(f model.ApiFailure) {
	if len(r.items) < r.limit {
		r.items = append(r.items, f)
		return
	}
	r.items[r.next] = f
	r.next = (r.next + 1) % len(r.items)
}

// ordered is the ring's contents, oldest first.
func (r *ring) ordered() []model.ApiFailure {
	return append(append([]model.ApiFailure(nil), r.items[r.next:]...), r.items[:r.next]...)
}

func (b *failureBuffer) push(f model.ApiFailure, limit int) {
	b.mu.Lock()
	r := b.rings[f.ProjectID]
	if r == nil {
		r = &ring{limit: limit}
		b.rings[f.ProjectID] = r
	}
	r.push(f)
	b.mu.Unlock()
}

// take hands over every project's refusals, oldest first, and starts afresh.
func (b *failureBuffer) take() map[int64][]model.ApiFailure {
	b.mu.Lock()
	rings := b.rings
	b.rings = map[int64]*ring{} // always a new map: the old one is read below, unlocked
	b.mu.Unlock()
	out := make(map[int64][]model.ApiFailure, len(rings))
	for p, r := range rings {
		out[p] = r.ordered()
	}
	return out
}

// putBack returns refusals a flush could not write, older than anything buffered since, still
// keeping only the newest limit per project.
func (b *failureBuffer) putBack(batch map[int64][]model.ApiFailure, limit int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for p, older := range batch {
		merged := &ring{limit: limit}
		for _, f := range older {
			merged.push(f)
		}
		if cur := b.rings[p]; cur != nil {
			for _, f := range cur.ordered() {
				merged.push(f)
			}
		}
		b.rings[p] = merged
	}
}

func failureLimit() int { return int(service.Settings().Int(SettingFailureLog)) }

// insertBatch bounds the rows of one INSERT.
const insertBatch = 500

// flushFailures writes the buffered refusals in one transaction, then trims each project's log
// to its newest openapi.failureLog rows (several nodes may have written; the ids order them).
// Refusals whose transaction failed are put back for the next flush.
func (s *sApiCalls) flushFailures(ctx context.Context) error {
	s.failFlushMu.Lock()
	defer s.failFlushMu.Unlock()
	batch := s.fails.take()
	if len(batch) == 0 {
		return nil
	}
	projects := make([]int64, 0, len(batch))
	for p := range batch {
		projects = append(projects, p)
	}
	sort.Slice(projects, func(i, j int) bool { return projects[i] < projects[j] })
	var rows []do.OpenapiFailures
	for _, p := range projects {
		for i := range batch[p] {
			rows = append(rows, failureRow(&batch[p][i]))
		}
	}
	err := dao.OpenapiFailures.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		_, err := dao.OpenapiFailures.Ctx(ctx).Data(rows).Batch(insertBatch).Insert()
		return err
	})
	if err != nil {
		s.fails.putBack(batch, failureLimit())
		return err
	}
	limit := failureLimit()
	var errs []error
	for _, p := range projects {
		if err = trimFailures(ctx, p, limit); err != nil {
			errs = append(errs, err) // the next flush of the project trims again
		}
	}
	return errors.Join(errs...)
}

// trimFailures deletes a project's refusals older than its newest limit.
func trimFailures(ctx context.Context, project int64, limit int) error {
	cols := dao.OpenapiFailures.Columns()
	v, err := dao.OpenapiFailures.Ctx(ctx).Fields(cols.Id).Where(cols.ProjectId, project).
		OrderDesc(cols.Id).Limit(limit-1, 1).Value()
	if err != nil && !dbx.IsNoRows(err) {
		return err
	}
	if v.IsNil() || v.IsEmpty() {
		return nil // no more than limit rows
	}
	_, err = dao.OpenapiFailures.Ctx(ctx).Where(cols.ProjectId, project).WhereLT(cols.Id, v.Int64()).Delete()
	return err
}

func failureRow(f *model.ApiFailure) do.OpenapiFailures {
	return do.OpenapiFailures{
		ProjectId: f.ProjectID, Endpoint: clip(f.Endpoint, 16), Error: clip(f.Error, 32), HttpStatus: f.HTTPStatus,
		Detail: clip(f.Detail, 255), Ip: clip(f.IP, 45), Nonce: clip(f.Nonce, 64), RequestTime: f.RequestTime,
		CreatedAt: gtime.NewFromTime(f.At.UTC().Truncate(time.Second)),
	}
}

// clip makes what a caller sent storable: valid UTF-8 (a stray byte in a nonce would fail the
// whole batch on MySQL) cut to at most max bytes on a character boundary.
func clip(s string, max int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "?")
	}
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}
