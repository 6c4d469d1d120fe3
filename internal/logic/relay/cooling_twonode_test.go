package relay_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/service"
	"kami/internal/testkit"
)

// coolModels is the ids GET /v1/models lists on base for key.
func coolModels(t *testing.T, base, key string) []string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/v1/models", nil)
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err = json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /v1/models on %s: %d %v", base, resp.StatusCode, err)
	}
	out := make([]string, 0, len(body.Data))
	for _, d := range body.Data {
		out = append(out, d.ID)
	}
	return out
}

// Cooling is per node: a channel tripped on node B cools there only, and survives B's snapshot
// rebuilds for unrelated writes (the channel was enabled before the trip); a manual enable on
// node A resets it on B within 2 s (B forgives it when it rebuilds its snapshot), observed
// over B's own admin API and by B routing to the channel again.
func TestCoolResetOnOtherNode(t *testing.T) {
	ctx := context.Background()
	testkit.SetSettings(t, map[string]any{"relay.coolThreshold": 1, "relay.coolBaseS": 600, "relay.coolMaxS": 900})
	env := testkit.Current()
	adminA := env.Admin(t)
	top, low := fakeUpstream(t), fakeUpstream(t)
	fakes := []*openaicompat.Fake{top, low}
	top.Push(openaicompat.Behaviour{Status: 500, ErrType: "server_error", Message: "down on B"})
	m := testkit.UniqueName("gpt-cool2-")
	seedPrice(t, m, "1", "1")
	topID := seedChannel(t, "cool2-top-"+m, top.URL(), 10, 1, []string{m}, "sk-cool2TopKey00001")
	seedChannel(t, "cool2-low-"+m, low.URL(), 0, 1, []string{m}, "sk-cool2LowKey00001")
	// Switched on an hour ago: B's rebuilds must not mistake that for an enable after the trip.
	if _, err := dao.RelayChannels.Ctx(ctx).WherePri(topID).
		Data("status_changed_at", gtime.NewFromTime(time.Now().Add(-time.Hour))).Update(); err != nil {
		t.Fatal(err)
	}
	service.Relay().Invalidate(ctx)
	node := env.StartNode(t)
	adminB := testkit.NewClient(node.BaseURL).Login(t, "admin", testkit.AdminPassword)
	a := newAgent(t, 1_000_000, 0)
	onB := nodeSDK(node.BaseURL, a.Key)

	coolChat(t, onB, m) // top fails on B (trip), low serves
	coolCalls(t, "trip on B", fakes, 1, 1)
	if v := coolGet(t, adminB, topID); v.Cooling == nil || v.Cooling.Trips != 1 || v.Cooling.Until == nil {
		t.Fatalf("B: cooling %s, want trips 1", coolShow(v))
	}
	coolWant(t, adminA, topID, 0, time.Time{}) // memory of B only

	// An unrelated channel write on A: B rebuilds its snapshot (its /v1/models shows the new
	// model) and still cools the channel.
	other := testkit.UniqueName("gpt-cool2-other-")
	seedPrice(t, other, "1", "1")
	createChannel(t, adminA, map[string]any{"name": "cool2-other-" + other, "baseUrl": low.URL(), "models": []string{other},
		"keys": []string{"sk-cool2OtherKey001"}})
	waitFor(t, "B's snapshot rebuild", 2*time.Second, func() bool {
		return slices.Contains(coolModels(t, node.BaseURL, a.Key), other)
	})
	if v := coolGet(t, adminB, topID); v.Cooling == nil || v.Cooling.Trips != 1 {
		t.Fatalf("B after an unrelated rebuild: cooling %s, want trips 1", coolShow(v))
	}
	coolChat(t, onB, m)
	coolCalls(t, "still cooling on B", fakes, 1, 2)

	adminA.Put(t, fmt.Sprintf("/api/relay/channels/%d/status", topID), map[string]any{"status": 1}).Expect(t, http.StatusOK)
	start := time.Now()
	waitFor(t, "B to forgive the channel", 2*time.Second, func() bool { return coolGet(t, adminB, topID).Cooling == nil })
	t.Logf("enable on A reset B's cooling after %s", time.Since(start))
	coolChat(t, onB, m)
	coolCalls(t, "B routes to it again", fakes, 2, 2)
	waitSettled(t, a.UserID)
	audit(t, a.UserID)
}
