package derp_test

import (
	"net/http"
	"strings"
	"testing"

	"kami/internal/testkit"
)

// The token the host-op worker injects into derper's -verify-client-url is the one the hook
// accepts (§7, §8): the real converge over SSH against hostfake writes the argv, and derper's
// admission call with that URL's token admits the rental's approved device. (The worker and
// the hook once derived the MAC under two different subkeys, so every derper refused
// everyone while each side's own tests passed.)
func TestInjectedTokenIsAdmitted(t *testing.T) {
	w := newWorld(t)
	isolate(t)
	hostSettings(t)
	frozen(t)
	hosts := []fakeHost{addHost(t, w, "sha"), addHost(t, w, "can"), addHost(t, w, "hkg")}
	wk := opsWorker(t, hosts...)
	drain(t, wk) // the registrations' prepares
	d := activate(t, w)
	node := "nodekey:" + strings.Repeat("ab", 32)
	w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/devices", map[string]any{"nodeKey": node}).Expect(t, http.StatusOK)
	drain(t, wk)

	body := `{"NodePublic":"` + node + `","Source":"198.51.100.7"}`
	stranger := `{"NodePublic":"nodekey:` + strings.Repeat("cd", 32) + `","Source":"198.51.100.7"}`
	ran := 0
	for _, h := range hosts {
		for _, c := range h.fake.Calls() {
			if len(c.Argv) < 2 || c.Argv[0] != "docker" || c.Argv[1] != "run" || !strings.Contains(c.Line(), "io.kami.derp=1") {
				continue
			}
			ran++
			var url string
			for _, a := range c.Argv {
				if v, ok := strings.CutPrefix(a, "-verify-client-url="); ok {
					url = v
				}
			}
			_, token, ok := strings.Cut(url, "/api/derp/admit/")
			if !ok || token == "" {
				t.Fatalf("no admission URL in %q", c.Line())
			}
			if st, out := admitCall(t, testkit.Current().BaseURL, token, body, ""); st != http.StatusOK || out != `{"Allow":true}` {
				t.Fatalf("the injected token %s: %d %s", token, st, out)
			}
			if _, out := admitCall(t, testkit.Current().BaseURL, token, stranger, ""); out != `{"Allow":false}` {
				t.Fatalf("an unknown key with the injected token: %s", out)
			}
		}
	}
	if ran != 3 {
		t.Fatalf("%d derper containers ran, want 3", ran)
	}
}
