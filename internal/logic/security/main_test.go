package security_test

import (
	"fmt"
	"net/url"
	"testing"

	v1 "kami/api/security/v1"
	"kami/internal/consts"
	"kami/internal/testkit"
)

// The shared clock lets the lock tests move past an expiry instead of waiting for it.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }

// tree is two agent-admins with one agent each, under the super-admin.
type tree struct {
	admin              *testkit.Client
	aa1, aa2, ag1, ag2 testkit.SeededUser
}

func newTree(t *testing.T) tree {
	t.Helper()
	root := testkit.SuperAdmin(t)
	tr := tree{admin: testkit.Current().Admin(t)}
	tr.aa1 = testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	tr.aa2 = testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	tr.ag1 = testkit.SeedUser(t, consts.RoleAgent, tr.aa1)
	tr.ag2 = testkit.SeedUser(t, consts.RoleAgent, tr.aa2)
	return tr
}

// withGeo points geo.mmdbPath at the test world (testkit.TestCities) for the rest of the test.
func withGeo(t *testing.T) {
	testkit.SetSettings(t, map[string]any{"geo.mmdbPath": testkit.WriteCityDB(t, testkit.TestCities())})
}

// loginFrom logs u in with the client address ip.
func loginFrom(t *testing.T, u testkit.SeededUser, ip string) *testkit.Client {
	t.Helper()
	c := testkit.Current().Client()
	c.Header.Set("X-Forwarded-For", ip)
	return c.Login(t, u.Username, u.Password)
}

type eventItem struct {
	ID       int64  `json:"id"`
	UserID   int64  `json:"userId"`
	Kind     string `json:"kind"`
	Severity string `json:"severity"`
	Measure  string `json:"measure"`
	IP       string `json:"ip"`
	Location string `json:"location"`
}

// events lists the security log rows c sees with the query q (url-encoded pairs).
func events(t *testing.T, c *testkit.Client, q url.Values) []eventItem {
	t.Helper()
	q.Set("pageSize", "100")
	var page struct {
		Items []eventItem `json:"items"`
		Total int         `json:"total"`
	}
	c.Get(t, "/api/security/log/list?"+q.Encode()).Expect(t, 200).Decode(t, &page)
	if page.Total != len(page.Items) {
		t.Fatalf("total %d, items %d", page.Total, len(page.Items))
	}
	return page.Items
}

// eventsOf are the rows about user id that c sees.
func eventsOf(t *testing.T, c *testkit.Client, id int64) []eventItem {
	return events(t, c, url.Values{"userId": {fmt.Sprint(id)}})
}

type notice struct {
	Kind    string `json:"kind"`
	Title   string `json:"title"`
	Content string `json:"content"`
}

// inbox is c's notifications of kind.
func inbox(t *testing.T, c *testkit.Client, kind string) []notice {
	t.Helper()
	var page struct {
		Items []notice `json:"items"`
	}
	c.Get(t, "/api/notifications/list?pageSize=100").Expect(t, 200).Decode(t, &page)
	var out []notice
	for _, n := range page.Items {
		if n.Kind == kind {
			out = append(out, n)
		}
	}
	return out
}

func itoa(n int64) string { return fmt.Sprint(n) }

func unlockReq(id int64) *v1.LockUnlockReq { return &v1.LockUnlockReq{Id: id} }
