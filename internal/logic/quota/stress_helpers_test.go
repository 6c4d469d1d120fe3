package quota_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"kami/internal/dao"
	"kami/internal/testkit"
)

// actor is one logged-in user of the stress tests with the same session on every node: a
// session lives in the shared database, so node 2 accepts node 1's token.
type actor struct {
	member
	nodes []*testkit.Client
}

// actorOn gives m a client per base URL, all on m's session.
func actorOn(m member, bases ...string) *actor {
	a := &actor{member: m}
	for _, base := range bases {
		a.nodes = append(a.nodes, sessionClient(m.Client, base, ""))
	}
	return a
}

// sessionClient is a client of base on c's session; key, when set, is sent as the
// Idempotency-Key of every request (a client of its own, so concurrent requests with other
// keys never share a header map).
func sessionClient(c *testkit.Client, base, key string) *testkit.Client {
	h := c.Header.Clone()
	if key != "" {
		h.Set("Idempotency-Key", key)
	}
	return &testkit.Client{Base: base, Token: c.Token, Lang: c.Lang, Header: h, HTTP: c.HTTP}
}

// keyed is a's client on node n with key as Idempotency-Key.
func (a *actor) keyed(n int, key string) *testkit.Client {
	return sessionClient(a.nodes[n], a.nodes[n].Base, key)
}

// outcome is a request's status and machine reason, "200" on success.
func outcome(r *testkit.Resp) string {
	if r.Status == http.StatusOK {
		return "200"
	}
	return fmt.Sprintf("%d %s", r.Status, r.Reason)
}

// dataField reads one integer field of a successful answer's data.
func dataField(r *testkit.Resp, field string) int64 {
	var m map[string]json.RawMessage
	if json.Unmarshal(r.Data, &m) != nil {
		return 0
	}
	var v int64
	_ = json.Unmarshal(m[field], &v)
	return v
}

// dataString reads one string field of a successful answer's data.
func dataString(r *testkit.Resp, field string) string {
	var m map[string]json.RawMessage
	if json.Unmarshal(r.Data, &m) != nil {
		return ""
	}
	var v string
	_ = json.Unmarshal(m[field], &v)
	return v
}

// keyHex is how a client's Idempotency-Key appears inside the scoped key the ledger stores:
// its SHA-256, so a test can count the movements one key made without knowing the scope format.
func keyHex(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// movementsWithKey counts the ledger movements whose stored idempotency key carries key.
func movementsWithKey(t *testing.T, key string) int {
	t.Helper()
	n, err := dao.QuotaMovements.Ctx(context.Background()).WhereLike("idem_key", "%"+keyHex(key)+"%").Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// checkClosedSystem asserts the users form a closed system with the system account: the system
// side of every movement touching them is minus what they hold (all of it came from or went
// to the system account), no stored idempotency key was applied twice, and it returns what
// they hold in total.
func checkClosedSystem(t *testing.T, users ...int64) (held int64) {
	t.Helper()
	ctx := context.Background()
	checkLedger(t, users...)
	for _, id := range users {
		b := balanceOf(t, id)
		held += b.Available + b.Frozen
	}
	touched := dao.QuotaEntries.Ctx(ctx).Fields("movement_id").WhereIn("user_id", users)
	sys, err := dao.QuotaEntries.Ctx(ctx).Where("user_id", 0).WhereIn("movement_id", touched).Sum("amount")
	if err != nil {
		t.Fatal(err)
	}
	if int64(sys) != -held {
		t.Errorf("system side of the users' movements is %d, they hold %d: the sum over the accounts is not zero", int64(sys), held)
	}
	// A movement between a test user and anyone outside the set would break the closed system.
	var strangers int
	if strangers, err = dao.QuotaEntries.Ctx(ctx).WhereIn("movement_id", touched).WhereNotIn("user_id", append([]int64{0}, users...)).Count(); err != nil {
		t.Fatal(err)
	}
	if strangers > 0 {
		t.Errorf("%d entries of the users' movements belong to other accounts", strangers)
	}
	var twice []struct {
		IdemKey string
		N       int
	}
	if err = dao.QuotaMovements.Ctx(ctx).Fields("idem_key, COUNT(*) AS n").WhereNotNull("idem_key").Group("idem_key").
		Having("COUNT(*) > 1").Scan(&twice); err != nil {
		t.Fatal(err)
	}
	if len(twice) > 0 {
		t.Errorf("idempotency keys applied more than once: %+v", twice)
	}
	return held
}

// movementsOfTypes counts the movements of those types with an entry of one of the users.
func movementsOfTypes(t *testing.T, users []int64, types ...string) int {
	t.Helper()
	n, err := dao.QuotaEntries.Ctx(context.Background()).WhereIn("user_id", users).WhereIn("type", types).
		CountColumn("DISTINCT movement_id")
	if err != nil {
		t.Fatal(err)
	}
	return n
}
