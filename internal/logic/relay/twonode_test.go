package relay_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"kami/internal/adapter/openaicompat"
	"kami/internal/service"
	"kami/internal/testkit"
)

// modelsStatus calls GET /v1/models on base with key: it runs admission's token steps without
// an upstream call or a charge, which is what the invalidation tests need to probe a node.
func modelsStatus(t *testing.T, base, key string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/v1/models", nil)
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Error struct {
			Code string `json:"code"`
		} `json:"error"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return resp.StatusCode, body.Error.Code
}

// waitRefused polls base until key answers want (a status and error code), failing after
// limit; it returns how long that took.
func waitRefused(t *testing.T, base, key string, want int, code string, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		st, c := modelsStatus(t, base, key)
		if st == want && c == code {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("%s still answers %d %q after %s; want %d %q", base, st, c, limit, want, code)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A token disabled, rotated, or its user disabled on node A is refused on node B within 2 s
// (pub/sub); with B dropping every message, within 10 s through the relay:ver poll (its real
// 5 s interval: no test override).
func TestInvalidationReachesOtherNode(t *testing.T) {
	ctx := context.Background()
	fake := fakeUpstream(t)
	m := testkit.UniqueName("gpt")
	seedPrice(t, m, "1", "1")
	seedChannel(t, "c", fake.URL(), 0, 1, []string{m}, "sk-k")
	service.Relay().Invalidate(ctx)
	env := testkit.Current()
	admin := env.Admin(t)
	for _, tc := range []struct {
		name  string
		env   []string
		limit time.Duration
	}{
		{"pubsub", nil, 2 * time.Second},
		{"poll only", []string{"KAMI_TEST_RELAY_DROP_INVAL=1"}, 10 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			node := env.StartNode(t, tc.env...)
			// Three agents, three kinds of change, made at once so the poll case waits one interval.
			dis, rot, usr := newAgent(t, 100000, 0), newAgent(t, 100000, 0), newAgent(t, 100000, 0)
			for _, a := range []agent{dis, rot, usr} { // warm B's caches: its L1 now holds the tokens
				if st, c := modelsStatus(t, node.BaseURL, a.Key); st != http.StatusOK {
					t.Fatalf("warm-up on B: %d %s", st, c)
				}
			}
			admin.Put(t, fmt.Sprintf("/api/relay/tokens/%d/status", dis.TokenID), map[string]any{"status": 0}).Expect(t, http.StatusOK)
			var rotated struct {
				Key string `json:"key"`
			}
			admin.Post(t, fmt.Sprintf("/api/relay/tokens/%d/rotate", rot.TokenID), nil).Expect(t, http.StatusOK).Decode(t, &rotated)
			admin.Put(t, fmt.Sprintf("/api/system/user/%d/status", usr.UserID), map[string]any{"status": 0}).Expect(t, http.StatusOK)
			t.Logf("token disable seen on B after %s",
				waitRefused(t, node.BaseURL, dis.Key, http.StatusUnauthorized, "token_disabled", tc.limit))
			t.Logf("rotation seen on B after %s",
				waitRefused(t, node.BaseURL, rot.Key, http.StatusUnauthorized, "invalid_api_key", tc.limit))
			t.Logf("user disable seen on B after %s",
				waitRefused(t, node.BaseURL, usr.Key, http.StatusForbidden, "user_disabled", tc.limit))
			if st, c := modelsStatus(t, node.BaseURL, rotated.Key); st != http.StatusOK {
				t.Fatalf("rotated key on B: %d %s", st, c)
			}
		})
	}
}

// A fatal answer on A auto-disables the channel's only key (and so the channel): B stops
// routing to it within 2 s and serves from the standby channel instead.
func TestAutoDisableStopsRoutingOnOtherNode(t *testing.T) {
	ctx := context.Background()
	bad, good := fakeUpstream(t), fakeUpstream(t)
	bad.SetDefault(openaicompat.Behaviour{Status: http.StatusUnauthorized, ErrType: "invalid_request_error",
		ErrCode: "invalid_api_key", Message: "Incorrect API key provided"})
	m := testkit.UniqueName("gpt")
	seedPrice(t, m, "1", "1")
	seedChannel(t, "bad", bad.URL(), 10, 1, []string{m}, "sk-bad")
	seedChannel(t, "good", good.URL(), 0, 1, []string{m}, "sk-good")
	service.Relay().Invalidate(ctx)
	node := testkit.Current().StartNode(t)
	a := newAgent(t, 100000, 0)
	if st, c := modelsStatus(t, node.BaseURL, a.Key); st != http.StatusOK { // builds B's snapshot
		t.Fatalf("warm-up on B: %d %s", st, c)
	}
	// On A: the bad channel answers 401 (fatal), is disabled, the retry goes to the good one.
	onA := sdk(a.Key)
	if _, err := onA.Chat.Completions.New(ctx, chatParams(m)); err != nil {
		t.Fatal(err)
	}
	if n := len(bad.Requests()); n != 1 {
		t.Fatalf("bad channel saw %d requests", n)
	}
	start := time.Now()
	cl := nodeSDK(node.BaseURL, a.Key)
	for {
		before := len(bad.Requests())
		if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); err != nil {
			t.Fatal(err)
		}
		if len(bad.Requests()) == before {
			break
		}
		if time.Since(start) > 2*time.Second {
			t.Fatal("B still routes to the auto-disabled channel after 2 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("auto-disable seen on B after %s", time.Since(start))
	before := len(bad.Requests())
	for range 5 {
		if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(bad.Requests()); n != before {
		t.Fatalf("B routed %d more requests to the disabled channel", n-before)
	}
	waitSettled(t, a.UserID)
	audit(t, a.UserID)
}

// nodeSDK is sdk pointed at another node.
func nodeSDK(base, key string) openai.Client {
	return openai.NewClient(option.WithBaseURL(base+"/v1/"), option.WithAPIKey(key), option.WithMaxRetries(0))
}
