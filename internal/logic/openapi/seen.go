package openapi

import (
	"context"
	"sync"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
)

// What verifications leave behind is gathered here and written once a flush window (a
// second) in one transaction, never per request: one history row per card, device, result,
// IP and client version (calls counting them), cards' last_verified_at and devices'
// last_seen_at by id, and one card.verified event per card that verified in the window. A
// graceful stop writes what is left; a node killed outright loses at most its last window of
// these traces (never a card's state: activations and bindings are written by the request).
type (
	seenKey struct {
		card           int64
		device, result string
		ip, version    string
	}
	seenCard struct {
		project  *projectState
		card     *cardState
		last     time.Time
		device   string // the last fingerprint that verified VALID
		verified int    // VALID verifications in the window
	}
	seenBuffer struct {
		mu      sync.Mutex
		rows    map[seenKey]*seenRow
		cards   map[int64]*seenCard
		devices map[int64]time.Time // card_devices row id -> last seen
	}
	seenRow struct {
		project int64
		calls   int
		last    time.Time
	}
)

// maxSeenRows caps one window's history rows: past it, further distinct rows of the window
// are counted into the ones kept only when they match (a flood of distinct IPs cannot turn
// into an unbounded buffer).
const maxSeenRows = 200_000

func newSeenBuffer() *seenBuffer {
	return &seenBuffer{rows: map[seenKey]*seenRow{}, cards: map[int64]*seenCard{}, devices: map[int64]time.Time{}}
}

func (s *sOpenapi) record(c *call, card *cardState, device, fingerprint, result, version string, now time.Time) {
	b := s.seen
	k := seenKey{card: card.ID, device: device, result: result, ip: c.ip, version: version}
	b.mu.Lock()
	defer b.mu.Unlock()
	if r, ok := b.rows[k]; ok {
		r.calls++
		r.last = now
	} else if len(b.rows) < maxSeenRows {
		b.rows[k] = &seenRow{project: card.ProjectID, calls: 1, last: now}
	}
	if result != ResultValid {
		return
	}
	sc, ok := b.cards[card.ID]
	if !ok {
		sc = &seenCard{}
		b.cards[card.ID] = sc
	}
	sc.project, sc.card, sc.last, sc.device = c.project, card, now, fingerprint
	sc.verified++
	if id, ok := card.Devices[device]; ok {
		b.devices[id] = now
	}
}

func (b *seenBuffer) take() (map[seenKey]*seenRow, map[int64]*seenCard, map[int64]time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	rows, cards, devices := b.rows, b.cards, b.devices
	b.rows, b.cards, b.devices = map[seenKey]*seenRow{}, map[int64]*seenCard{}, map[int64]time.Time{}
	return rows, cards, devices
}

// flush writes one window. A failed write is logged and dropped: these are traces, and
// retrying a window while the database is down would only grow the next one.
func (s *sOpenapi) flush(ctx context.Context) {
	rows, cards, devices := s.seen.take()
	if len(rows) == 0 && len(cards) == 0 {
		return
	}
	err := dao.CardVerifications.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if err := insertHistory(ctx, rows); err != nil {
			return err
		}
		if err := touch(ctx, dao.Cards.Ctx(ctx), dao.Cards.Columns().LastVerifiedAt, lastOfCards(cards)); err != nil {
			return err
		}
		if err := touch(ctx, dao.CardDevices.Ctx(ctx), dao.CardDevices.Columns().LastSeenAt, devices); err != nil {
			return err
		}
		for _, sc := range cards {
			if err := emitVerified(ctx, sc); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		g.Log().Errorf(ctx, "openapi: writing %d verification rows of the last window failed: %v", len(rows), err)
	}
}

func insertHistory(ctx context.Context, rows map[seenKey]*seenRow) error {
	batch := make([]do.CardVerifications, 0, min(len(rows), 500))
	for k, r := range rows {
		batch = append(batch, do.CardVerifications{CardId: k.card, ProjectId: r.project, DeviceHash: k.device,
			Result: k.result, Ip: k.ip, ClientVersion: k.version, Calls: r.calls, CreatedAt: gtime.NewFromTime(r.last)})
		if len(batch) == cap(batch) {
			if _, err := dao.CardVerifications.Ctx(ctx).Data(batch).Insert(); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		_, err := dao.CardVerifications.Ctx(ctx).Data(batch).Insert()
		return err
	}
	return nil
}

func lastOfCards(cards map[int64]*seenCard) map[int64]time.Time {
	out := make(map[int64]time.Time, len(cards))
	for id, sc := range cards {
		out[id] = sc.last
	}
	return out
}

// touch sets column to each id's time, one UPDATE per distinct second (a window holds one or
// two), in chunks of ids.
func touch(ctx context.Context, m *gdb.Model, column string, at map[int64]time.Time) error {
	bySecond := map[int64][]int64{}
	for id, t := range at {
		bySecond[t.Unix()] = append(bySecond[t.Unix()], id)
	}
	for sec, ids := range bySecond {
		for len(ids) > 0 {
			n := min(len(ids), 500)
			if _, err := m.Clone().WhereIn("id", ids[:n]).Data(g.Map{column: gtime.NewFromTimeStamp(sec)}).Update(); err != nil {
				return err
			}
			ids = ids[n:]
		}
	}
	return nil
}

func emitVerified(ctx context.Context, sc *seenCard) error {
	if !sc.project.wants("card.verified") {
		return nil
	}
	return emitCard(ctx, sc.project, "card.verified", sc.card, g.Map{"device": sc.device, "verifications": sc.verified,
		"lastVerifiedAt": rfc3339(sc.last)})
}
