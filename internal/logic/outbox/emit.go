package outbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
)

// maxEventBody caps one event's body; webhook payloads are small, and a subscriber should not
// be sent (nor the table hold) megabytes per event.
const maxEventBody = 256 << 10

// body is what the subscriber receives (openapi.md "Webhooks"); the field order is fixed so the
// stored bytes, which every attempt sends and signs, are the same on every node.
type body struct {
	ID        string          `json:"id"`
	Type      string          `json:"type"`
	CreatedAt string          `json:"createdAt"`
	Data      json.RawMessage `json:"data"`
}

// Emit writes an event and returns its id. Called with the ctx of a transaction
// (g.DB().Transaction), the row is written in that transaction: committed with the change that
// caused it, or not at all. It is then delivered at least once, from any node.
func (s *sOutbox) Emit(ctx context.Context, e model.OutboxEvent) (string, error) {
	if _, ok := resolverOf(e.Topic); !ok {
		return "", fmt.Errorf("outbox: topic %q is not registered", e.Topic)
	}
	if e.Type == "" || len(e.Type) > 64 || len(e.Ref) > 255 {
		return "", fmt.Errorf("outbox: event type must be 1..64 bytes and ref at most 255 (type %q)", e.Type)
	}
	data, err := json.Marshal(e.Data)
	if err != nil {
		return "", fmt.Errorf("outbox: event data: %w", err)
	}
	id := newEventID()
	now := s.now()
	raw, err := json.Marshal(body{ID: id, Type: e.Type, CreatedAt: now.Format(time.RFC3339), Data: data})
	if err != nil {
		return "", err
	}
	if len(raw) > maxEventBody {
		return "", fmt.Errorf("outbox: event body is %d bytes, more than %d", len(raw), maxEventBody)
	}
	at := gtime.New(now)
	_, err = dao.OutboxEvents.Ctx(ctx).Data(do.OutboxEvents{
		EventId: id, Topic: e.Topic, Type: e.Type, Ref: e.Ref, Body: string(raw), Status: StatusPending,
		Attempts: 0, RoundAttempts: 0, NextAttemptAt: at, CreatedAt: at, UpdatedAt: at,
	}).Insert()
	if err != nil {
		return "", err
	}
	// Inside a transaction the row is not visible yet; the wake-up then finds nothing and the
	// next poll (or, on SQLite, the claim query waiting for the writer) picks it up.
	s.wake()
	return id, nil
}

// newEventID is "evt_" and 128 random bits: unique without coordination between nodes.
func newEventID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	return "evt_" + hex.EncodeToString(b)
}
