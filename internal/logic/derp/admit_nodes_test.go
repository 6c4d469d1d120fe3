package derp_test

import (
	"net/http"
	"testing"
	"time"

	"kami/internal/testkit"
)

// eventually waits until the admission answer for key on base is want. The invalidation
// reaches the other node by Redis pub/sub, so it is a matter of milliseconds; the snapshot's
// 30 s TTL is far beyond the 5 s allowed here, so passing proves the invalidation.
func eventually(t *testing.T, base, token, key string, want bool) {
	t.Helper()
	exp := `{"Allow":false}`
	if want {
		exp = `{"Allow":true}`
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		st, body := admitCall(t, base, token, admitBody(key), "")
		if st == http.StatusOK && body == exp {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("admission on %s stayed %d %s, want %s", base, st, body, exp)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// §14.6: suspend, resume and expiry flip the next call on both nodes, each of which answers
// from its own warm snapshot.
func TestAdmissionTwoNodes(t *testing.T) {
	w := newWorld(t)
	clk, _ := frozen(t)
	d := activeRental(t, w)
	node := testkit.Current().StartNode(t)
	bases := []string{testkit.Current().BaseURL, node.BaseURL}
	tokens := admitTokens(t, d.Id)
	key := nodeKey('e')
	w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/devices", map[string]any{"nodeKey": key}).Expect(t, http.StatusOK)
	for _, b := range bases {
		eventually(t, b, tokens[0], key, true) // warm
		expectAllow(t, b, tokens[0], key, true)
	}
	path := "/api/derp/rentals/" + itoa(d.Id)
	w.Admin.C.Post(t, path+"/suspend", map[string]any{"reason": "admin"}).Expect(t, http.StatusOK)
	for _, b := range bases {
		eventually(t, b, tokens[0], key, false)
	}
	w.Admin.C.Post(t, path+"/resume", nil).Expect(t, http.StatusOK)
	for _, b := range bases {
		eventually(t, b, tokens[0], key, true)
	}
	// Past expires_at the hook refuses at once (it checks the term itself), before derp.expire ran.
	clk.Advance(t, 30*24*time.Hour)
	for _, b := range bases {
		expectAllow(t, b, tokens[1], key, false)
	}
	w = relogin(t, w)
	w.Admin.C.RunJob(t, "derp.expire")
	for _, b := range bases {
		expectAllow(t, b, tokens[1], key, false)
	}
}
