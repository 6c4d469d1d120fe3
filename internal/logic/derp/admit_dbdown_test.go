package derp_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"kami/internal/testkit"
	"kami/internal/testkit/faultproxy"
)

var mysqlAddr = regexp.MustCompile(`@tcp\(([^)]+)\)`)

// §7, §13: with the database gone, a node answers admission from its warm snapshot (Redis
// and the DB are not asked), and a cache miss answers 503 — derper then refuses, so admission
// fails closed. The second node reaches MySQL through a proxy the test cuts; the shared
// database stays up for everyone else.
func TestAdmissionWithTheDatabaseDown(t *testing.T) {
	env := testkit.Current()
	m := mysqlAddr.FindStringSubmatch(env.DBLink)
	if !strings.HasPrefix(env.DBLink, "mysql:") || m == nil {
		t.Skip("cutting the database needs MySQL (KAMI_TEST_BACKEND=real)")
	}
	w := newWorld(t)
	d := activeRental(t, w)
	tokens := admitTokens(t, d.Id)
	key := nodeKey('d')
	w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/devices", map[string]any{"nodeKey": key}).Expect(t, http.StatusOK)

	db := faultproxy.Start(t, m[1])
	node := env.StartNode(t, "KAMI_DB_LINK="+strings.Replace(env.DBLink, m[0], "@tcp("+db.Addr+")", 1),
		"KAMI_JOBS_ENABLED=false")
	expectAllow(t, node.BaseURL, tokens[0], key, true) // warms tokens[0]'s container and the rental

	db.Cut()
	expectAllow(t, node.BaseURL, tokens[0], key, true) // the snapshot serves
	// Another container of the rental is a miss on that node: the database must answer it.
	if st, body := admitCall(t, node.BaseURL, tokens[1], admitBody(key), ""); st != http.StatusServiceUnavailable ||
		body != `{"Allow":false}` {
		t.Fatalf("a miss with the database down: %d %s, want 503 {\"Allow\":false}", st, body)
	}
	db.Restore()
	eventuallyStatus(t, node.BaseURL, tokens[1], key, http.StatusOK)
}

// eventuallyStatus waits (a few seconds at most) until the hook answers status: the node's pool
// reconnects after the outage.
func eventuallyStatus(t *testing.T, base, token, key string, status int) {
	t.Helper()
	for i := 0; ; i++ {
		st, body := admitCall(t, base, token, admitBody(key), "")
		if st == status {
			return
		}
		if i == 500 {
			t.Fatalf("the hook stayed %d %s, want %d", st, body, status)
		}
		time.Sleep(10 * time.Millisecond) // polling interval of a condition wait
	}
}
