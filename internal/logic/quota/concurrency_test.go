package quota_test

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"kami/internal/testkit"
)

const (
	stressRequests = 1000 // HTTP requests of the mixed run, over both nodes
	stressWorkers  = 64
)

// stressOp is one operation of the mix; a dup op is sent twice at once with one
// Idempotency-Key, once to each node.
type stressOp struct {
	kind     string // sysRecharge, recharge (agent-admin to its agent), transfer, withdraw
	by, to   *actor
	approver *actor // withdraw: who decides
	amount   int64
	node     int
	dup      bool
	decide   string // withdraw: "" (left pending), approve, reject, race (approve and reject at once)
	key      string
}

// requests is how many HTTP requests the op sends at most.
func (op stressOp) requests() int {
	n := 1
	if op.dup {
		n = 2
	}
	switch op.decide {
	case "approve", "reject":
		n++
	case "race":
		n += 2
	}
	return n
}

// stressTally is what the clients were told: the quota that came in and went out, the
// withdrawals still waiting, and every outcome seen.
type stressTally struct {
	mu          sync.Mutex
	rechargedIn int64
	paidOut     int64
	pendingBy   map[int64]int64 // user -> sum of its withdrawals left pending
	moves       int             // recharges and transfers answered 200, each once however often sent
	keys        []string        // the Idempotency-Keys of those among them sent twice
	outcomes    map[string]int
	problems    []string
}

func (tl *stressTally) see(kind, out string) {
	tl.mu.Lock()
	tl.outcomes[kind+" "+out]++
	tl.mu.Unlock()
}

func (tl *stressTally) problem(format string, args ...any) {
	tl.mu.Lock()
	tl.problems = append(tl.problems, fmt.Sprintf(format, args...))
	tl.mu.Unlock()
}

// expected says whether a refusal is one the mix may legitimately meet: short of quota,
// a decision that lost its race, a duplicate still waiting for the first, a lock queue too long.
func expected(out string) bool {
	switch out {
	case "200", "409 QUOTA_INSUFFICIENT", "409 INVALID_STATE", "409 IDEMPOTENCY_IN_PROGRESS", "503 SERVER_BUSY":
		return true
	}
	return false
}

// Two server processes on one database and Redis, 64 clients, about 1,000 mixed requests spread
// over both: system and agent-admin recharges, transfers both ways between the same accounts,
// withdrawals decided by racing approvals and rejections, and duplicates of one
// Idempotency-Key sent to both nodes at once. Afterwards no balance is negative, every account
// equals its ledger, every movement sums to zero, the system account is minus what the users
// hold, no key moved quota twice, and what the users hold is what the clients were told came
// in minus what was paid out.
func TestQuotaConcurrentMixedOperationsOnTwoNodes(t *testing.T) {
	env := testkit.Current()
	testkit.SetSettings(t, map[string]any{
		"quota.riskSingleOver": 0, "quota.riskFrequentCount": 0, "quota.riskIncomingOver": 0,
		"quota.minTransfer": 1, "quota.minWithdrawal": 1,
	})
	node2 := env.StartNode(t) // boots after the settings, so it starts with them
	f := newFamily(t)
	bases := []string{env.BaseURL, node2.BaseURL}
	admin, boss := actorOn(f.Admin, bases...), actorOn(f.Boss, bases...)
	a, b := actorOn(f.Agent, bases...), actorOn(f.Agent2, bases...)
	users := []*actor{boss, a, b}

	tl := &stressTally{pendingBy: map[int64]int64{}, outcomes: map[string]int{}}
	// Seed money through the API, so the tally knows all of it.
	for _, u := range users {
		runStressOp(tl, stressOp{kind: "sysRecharge", by: admin, to: u, amount: 50_000})
	}

	ops := stressMix(rand.New(rand.NewPCG(8, 1000)), admin, boss, a, b)
	work := make(chan stressOp)
	var wg sync.WaitGroup
	for range stressWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for op := range work {
				runStressOp(tl, op)
			}
		}()
	}
	for _, op := range ops {
		work <- op
	}
	close(work)
	wg.Wait()

	logOutcomes(t, tl)
	for _, p := range tl.problems {
		t.Error(p)
	}
	for _, kind := range []string{"sysRecharge", "recharge", "transfer"} {
		if tl.outcomes[kind+" 200"] == 0 {
			t.Errorf("no %s succeeded: the run proves nothing about it", kind)
		}
	}
	ids := []int64{boss.ID, a.ID, b.ID}
	held := checkClosedSystem(t, ids...)
	if want := tl.rechargedIn - tl.paidOut; held != want {
		t.Errorf("the users hold %d, the clients were told %d came in and %d was paid out", held, tl.rechargedIn, tl.paidOut)
	}
	for _, u := range users {
		if got, want := balanceOf(t, u.ID).Frozen, tl.pendingBy[u.ID]; got != want {
			t.Errorf("%s: frozen %d, its pending withdrawals hold %d", u.Username, got, want)
		}
	}
	// One movement per recharge or transfer answered 200, however often its key was sent.
	if n := movementsOfTypes(t, ids, "system_recharge", "recharge", "transfer"); n != tl.moves {
		t.Errorf("%d recharge and transfer movements, %d recharges and transfers answered 200", n, tl.moves)
	}
	for _, key := range tl.keys {
		if n := movementsWithKey(t, key); n != 1 {
			t.Errorf("key %s: %d movements", key, n)
		}
	}
}

// stressMix draws the operations, about stressRequests HTTP requests in all.
func stressMix(rng *rand.Rand, admin, boss, a, b *actor) []stressOp {
	pairs := [][2]*actor{{a, b}, {b, a}, {a, boss}, {boss, a}, {b, boss}, {boss, b}}
	var ops []stressOp
	for sent := 0; sent < stressRequests; {
		op := stressOp{node: rng.IntN(2), dup: rng.IntN(10) == 0}
		switch r := rng.IntN(100); {
		case r < 12:
			op.kind, op.by, op.to, op.amount = "sysRecharge", admin, []*actor{boss, a, b}[rng.IntN(3)], 1000+rng.Int64N(4000)
		case r < 22:
			op.kind, op.by, op.to, op.amount = "recharge", boss, []*actor{a, b}[rng.IntN(2)], 100+rng.Int64N(3000)
		case r < 82:
			p := pairs[rng.IntN(len(pairs))]
			op.kind, op.by, op.to, op.amount = "transfer", p[0], p[1], 100+rng.Int64N(5000)
		default:
			op.kind, op.amount = "withdraw", 200+rng.Int64N(3000)
			op.by = []*actor{boss, a, b}[rng.IntN(3)]
			op.approver = admin
			if op.by != boss && rng.IntN(2) == 0 {
				op.approver = boss
			}
			op.decide = []string{"", "approve", "reject", "race", "race"}[rng.IntN(5)]
		}
		if op.dup {
			op.key = "k-" + strconv.Itoa(len(ops)) + "-" + testkit.UniqueName("")
		}
		ops = append(ops, op)
		sent += op.requests()
	}
	return ops
}

// runStressOp sends op and records what the clients were told. It runs in a worker: failures
// are collected, never t.Fatal.
func runStressOp(tl *stressTally, op stressOp) {
	path, body := "/api/quota/transfer", map[string]any{"toUsername": "", "amount": op.amount}
	switch op.kind {
	case "sysRecharge", "recharge":
		path, body = "/api/quota/recharge", map[string]any{"userId": op.to.ID, "amount": op.amount}
	case "transfer":
		body["toUsername"] = op.to.Username
	case "withdraw":
		path, body = "/api/quota/withdrawals", map[string]any{"amount": op.amount, "account": "bank 6222 0000"}
	}
	answers := sendOp(tl, op, path, body)
	if answers == nil {
		return
	}
	first := answers[0]
	for _, r := range answers[1:] {
		// A duplicate answers what the first did, or waited too long for it; a first that
		// answered 503 kept nothing, so its duplicate ran on its own.
		if r.Status == http.StatusOK && first.Status == http.StatusOK && string(r.Data) != string(first.Data) {
			tl.problem("%s key %s: two answers %s and %s", op.kind, op.key, first.Raw, r.Raw)
		}
		if r.Status == http.StatusOK {
			first = r
		}
	}
	if first.Status != http.StatusOK {
		return
	}
	switch op.kind {
	case "sysRecharge", "recharge", "transfer":
		if op.kind == "transfer" && dataString(first, "status") != "done" {
			tl.problem("transfer held with the risk rules off: %s", first.Raw)
		}
		tl.mu.Lock()
		if op.kind == "sysRecharge" {
			tl.rechargedIn += op.amount
		}
		tl.moves++
		if op.key != "" {
			tl.keys = append(tl.keys, op.key)
		}
		tl.mu.Unlock()
	case "withdraw":
		decideWithdrawal(tl, op, dataField(first, "id"))
	}
}

// sendOp sends the op's request, twice at once to both nodes when it is a dup, and returns the
// answers; nil when a request failed at the transport. An answer the mix never may give is
// reported as a problem.
func sendOp(tl *stressTally, op stressOp, path string, body map[string]any) []*testkit.Resp {
	n := 1
	if op.dup {
		n = 2
	}
	answers := make([]*testkit.Resp, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers[i], errs[i] = op.by.keyed((op.node+i)%2, op.key).DoErr(http.MethodPost, path, body)
		}()
	}
	wg.Wait()
	for i, r := range answers {
		if errs[i] != nil {
			tl.problem("%s: %v", op.kind, errs[i])
			return nil
		}
		out := outcome(r)
		tl.see(op.kind, out)
		if !expected(out) || (out == "409 INVALID_STATE") || (out == "409 IDEMPOTENCY_IN_PROGRESS" && !op.dup) {
			// Reported, and the other answer still counts: the duplicate of a request that
			// failed runs on its own once the failure dropped the claim.
			tl.problem("%s by %s: %s", op.kind, op.by.Username, r.Raw)
		}
	}
	return answers
}

// decideWithdrawal approves, rejects, or races an approval on one node against a rejection on
// the other: exactly one decision wins and the tally follows the winner.
func decideWithdrawal(tl *stressTally, op stressOp, id int64) {
	var verbs []string
	switch op.decide {
	case "":
		tl.mu.Lock()
		tl.pendingBy[op.by.ID] += op.amount
		tl.mu.Unlock()
		return
	case "race":
		verbs = []string{"approve", "reject"}
	default:
		verbs = []string{op.decide}
	}
	answers := make([]*testkit.Resp, len(verbs))
	errs := make([]error, len(verbs))
	var wg sync.WaitGroup
	for i, verb := range verbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := map[string]any{"paymentRef": "PAY-" + strconv.FormatInt(id, 10)}
			if verb == "reject" {
				body = map[string]any{"reason": "not this time"}
			}
			path := "/api/quota/withdrawals/" + strconv.FormatInt(id, 10) + "/" + verb
			answers[i], errs[i] = op.approver.nodes[(op.node+i)%2].DoErr(http.MethodPut, path, body)
		}()
	}
	wg.Wait()
	won, busy := "", false
	for i, r := range answers {
		if errs[i] != nil {
			tl.problem("%s withdrawal %d: %v", verbs[i], id, errs[i])
			return
		}
		out := outcome(r)
		tl.see(verbs[i], out)
		switch {
		case out == "200" && won != "":
			tl.problem("withdrawal %d: both %s and %s succeeded", id, won, verbs[i])
		case out == "200":
			won = verbs[i]
		case out == "503 SERVER_BUSY":
			// Queued past the lock wait (two processes on one SQLite file under -race): the
			// decision wrote nothing, and the withdrawal stays pending unless the other won.
			busy = true
		case out != "409 INVALID_STATE" || len(verbs) == 1:
			tl.problem("%s withdrawal %d: %s", verbs[i], id, r.Raw)
		}
	}
	tl.mu.Lock()
	defer tl.mu.Unlock()
	switch won {
	case "approve":
		tl.paidOut += op.amount
	case "":
		if !busy {
			tl.problems = append(tl.problems, fmt.Sprintf("withdrawal %d: no decision won", id))
			return
		}
		tl.pendingBy[op.by.ID] += op.amount
	}
}

func logOutcomes(t *testing.T, tl *stressTally) {
	keys := make([]string, 0, len(tl.outcomes))
	for k := range tl.outcomes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "  %-40s %d\n", k, tl.outcomes[k])
	}
	t.Logf("outcomes:\n%s", b.String())
}
