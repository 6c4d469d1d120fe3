package security_test

import (
	"net/url"
	"strings"
	"testing"

	"kami/internal/testkit"
)

// A login from a country the user did not log in from within the window raises a new-region
// event and notifies the user and its agent-admin; the LAN, the first placed login and the
// usual places do not.
func TestNewRegionLoginRaisesAndNotifies(t *testing.T) {
	withGeo(t)
	tr := newTree(t)
	u := tr.ag1
	steps := []struct {
		ip, why string
		raises  bool
	}{
		{"10.1.2.3", "the LAN says nothing about where the person is", false},
		{"1.2.3.4", "the first placed login sets the usual region", false},
		{"1.2.3.5", "the same city again", false},
		{"9.9.9.9", "an unknown place never alarms", false},
		{"8.8.8.8", "another country", true},
		{"8.8.8.9", "the new country is now a usual one", false},
	}
	want := 0
	for _, s := range steps {
		loginFrom(t, u, s.ip)
		if s.raises {
			want++
		}
		if got := eventsOf(t, tr.admin, u.ID); len(got) != want {
			t.Fatalf("after a login from %s (%s): %d events, want %d: %+v", s.ip, s.why, len(got), want, got)
		}
	}
	ev := eventsOf(t, tr.admin, u.ID)[0]
	if ev.Kind != "new_region" || ev.IP != "8.8.8.8" || ev.Location != "United States Mountain View" || ev.Measure != "notify" || ev.Severity != "warning" {
		t.Fatalf("event %+v", ev)
	}
	// The user and its superior are told, once each; the other tree is not.
	for _, c := range []struct {
		who  testkit.SeededUser
		want int
	}{{u, 1}, {tr.aa1, 1}, {tr.aa2, 0}} {
		got := inbox(t, testkit.Current().Login(t, c.who), "security.newRegion")
		if len(got) != c.want {
			t.Fatalf("%s holds %d new-region notices, want %d: %+v", c.who.Role, len(got), c.want, got)
		}
		if c.want > 0 && !strings.Contains(got[0].Title, "United States Mountain View") {
			t.Fatalf("notice %+v", got[0])
		}
	}
}

// The security log is scoped like the login log: the super-admin sees every row, an
// agent-admin its subtree's, an agent its own; filters narrow it, bad filters are 400, the
// export holds the same rows.
func TestSecurityLogScopeAndExport(t *testing.T) {
	withGeo(t)
	tr := newTree(t)
	for _, u := range []testkit.SeededUser{tr.ag1, tr.ag2} {
		loginFrom(t, u, "1.2.3.4")
		loginFrom(t, u, "8.8.8.8")
	}
	env := testkit.Current()
	mine := func(items []eventItem) map[int64]int {
		n := map[int64]int{}
		for _, e := range items {
			if e.UserID == tr.ag1.ID || e.UserID == tr.ag2.ID {
				n[e.UserID]++
			}
		}
		return n
	}
	cases := []struct {
		name     string
		c        *testkit.Client
		ag1, ag2 int
	}{
		{"super-admin sees both trees", tr.admin, 1, 1},
		{"agent-admin sees its agent", env.Login(t, tr.aa1), 1, 0},
		{"other agent-admin sees its own agent only", env.Login(t, tr.aa2), 0, 1},
		{"agent sees itself", env.Login(t, tr.ag1), 1, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := mine(events(t, c.c, url.Values{"kind": {"new_region"}}))
			if got[tr.ag1.ID] != c.ag1 || got[tr.ag2.ID] != c.ag2 {
				t.Fatalf("sees %v", got)
			}
			// The export holds what the list shows (a header row first).
			rows := testkit.XLSXRows(t, c.c.Get(t, "/api/security/log/export?userId="+itoa(tr.ag1.ID)))
			if len(rows)-1 != c.ag1 {
				t.Fatalf("export of ag1: %d rows, want %d", len(rows)-1, c.ag1)
			}
		})
	}
	if got := events(t, tr.admin, url.Values{"userId": {itoa(tr.ag1.ID)}, "kind": {"burst"}}); len(got) != 0 {
		t.Fatalf("kind filter: %+v", got)
	}
	if got := events(t, tr.admin, url.Values{"userId": {itoa(tr.ag1.ID)}, "ip": {"8.8.8.8"}}); len(got) != 1 {
		t.Fatalf("ip filter: %+v", got)
	}
	for _, q := range []string{"kind=bogus", "severity=loud", "from=yesterday", "sortBy=ip"} {
		if r := tr.admin.Get(t, "/api/security/log/list?"+q); r.Status != 400 {
			t.Errorf("%s: HTTP %d, want 400: %s", q, r.Status, r.Raw)
		}
	}
	if r := env.Client().Get(t, "/api/security/log/list"); r.Status != 401 {
		t.Errorf("anonymous: HTTP %d, want 401", r.Status)
	}
}
