package card_test

import (
	"context"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/model"
	"kami/internal/testkit"
)

var keyShape = regexp.MustCompile(`^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){4}$`)

// A batch charges exactly count x price through the ledger, writes count unused cards whose
// keys are stored only as a keyed hash and a sealed copy, and shows in the owner's list.
func TestBatchChargesCountTimesPrice(t *testing.T) {
	w := newWorld(t)
	pid, plan := newProject(t, w.Admin.C, 7)
	authorize(t, w.Admin.C, pid, w.Agent1.ID)
	fund(t, w.Agent1.ID, 1000)

	var b batch
	w.Agent1.C.Post(t, "/api/cards/batches", map[string]any{"projectId": pid, "planId": plan, "count": 37, "remark": "shop A"}).
		Expect(t, http.StatusOK).Decode(t, &b)
	if b.ID == 0 || b.Count != 37 || b.Cost != 37*7 || b.Price != 7 || b.Status != "active" || b.Remark != "shop A" || b.OwnerID != w.Agent1.ID {
		t.Fatalf("batch %+v", b)
	}
	if got := balanceOf(t, w.Agent1.ID); got.Available != 1000-37*7 || got.Frozen != 0 {
		t.Fatalf("balance after the batch %+v", got)
	}
	r, err := reservationOf(b.ID)
	if err != nil || r == nil || r.Status != model.ReservationCommitted || r.Collected != 37*7 {
		t.Fatalf("reservation %+v %v", r, err)
	}
	cards := cardsOf(t, b.ID)
	if len(cards) != 37 {
		t.Fatalf("%d cards, want 37", len(cards))
	}
	seen := map[string]bool{}
	for _, c := range cards {
		key, err := keyring.Open(model.CardKeyPurpose, c.KeySealed)
		if err != nil || !keyShape.Match(key) {
			t.Fatalf("card %d: sealed key %q %v", c.Id, key, err)
		}
		norm := model.NormalizeCardKey(string(key))
		if c.KeyHash != keyring.LookupHash(model.CardKeyPurpose, norm) || seen[c.KeyHash] {
			t.Fatalf("card %d: hash %s does not match its key, or repeats", c.Id, c.KeyHash)
		}
		seen[c.KeyHash] = true
		if strings.Contains(c.KeyMask, norm[4:len(norm)-4]) || c.KeyMask != norm[:4]+"-****-"+norm[len(norm)-4:] {
			t.Fatalf("card %d: mask %q", c.Id, c.KeyMask)
		}
		if c.Status != model.CardUnused || c.OwnerId != w.Agent1.ID || c.ProjectId != pid || c.PlanId != plan ||
			c.DurationSeconds != 2592000 || c.MaxDevices != 1 || c.ActivatedAt != nil {
			t.Fatalf("card %+v", c)
		}
	}
	var got batch
	w.Agent1.C.Get(t, path("/api/cards/batches/%d", b.ID)).Expect(t, http.StatusOK).Decode(t, &got)
	if got.Cards["unused"] != 37 || got.Cost != 37*7 {
		t.Fatalf("batch detail %+v", got)
	}
	var page struct {
		Items []batch `json:"items"`
		Total int     `json:"total"`
	}
	w.Agent1.C.Get(t, path("/api/cards/batches/list?projectId=%d", pid)).Expect(t, http.StatusOK).Decode(t, &page)
	if page.Total != 1 || page.Items[0].ID != b.ID {
		t.Fatalf("list %+v", page)
	}
}

func reservationOf(batchID int64) (*model.QuotaReservation, error) {
	return serviceQuota().ReservationByRef(context.Background(), "batch:"+itoa(batchID))
}

// Refused batches write nothing and charge nothing: no authorization, not enough quota, a
// count outside 1..100,000, an unknown plan, another project's plan, a disabled plan or
// project, a role that owns no cards.
func TestBatchRefusals(t *testing.T) {
	w := newWorld(t)
	pid, plan := newProject(t, w.Admin.C, 10)
	other, otherPlan := newProject(t, w.Admin.C, 10)
	authorize(t, w.Admin.C, pid, w.Agent1.ID)
	authorize(t, w.Admin.C, other, w.Agent1.ID)
	fund(t, w.Agent1.ID, 100)
	fund(t, w.Agent2.ID, 100000)
	var disabledPlan struct {
		ID int64 `json:"id"`
	}
	w.Admin.C.Post(t, path("/api/projects/%d/plans", pid), map[string]any{"name": "old", "durationSeconds": 0, "price": 1, "maxDevices": 1}).
		Expect(t, http.StatusOK).Decode(t, &disabledPlan)
	w.Admin.C.Put(t, path("/api/projects/%d/plans/%d/status", pid, disabledPlan.ID), map[string]any{"status": "disabled"}).Expect(t, http.StatusOK)
	off, offPlan := newProject(t, w.Admin.C, 1)
	authorize(t, w.Admin.C, off, w.Agent1.ID)
	w.Admin.C.Put(t, path("/api/projects/%d/status", off), map[string]any{"status": "disabled"}).Expect(t, http.StatusOK)

	cases := []struct {
		name    string
		by      member
		project int64
		plan    int64
		count   int
		status  int
		reason  string
	}{
		{"not authorized", w.Agent2, pid, plan, 1, 403, "PROJECT_NOT_AUTHORIZED"},
		{"quota short by one card", w.Agent1, pid, plan, 11, 409, "QUOTA_INSUFFICIENT"},
		{"count 0", w.Agent1, pid, plan, 0, 400, "INVALID_INPUT"},
		{"count 100,001", w.Agent1, pid, plan, 100001, 400, "INVALID_INPUT"},
		{"unknown plan", w.Agent1, pid, 99999999, 1, 400, "PLAN_INVALID"},
		{"another project's plan", w.Agent1, pid, otherPlan, 1, 400, "PLAN_INVALID"},
		{"disabled plan", w.Agent1, pid, disabledPlan.ID, 1, 409, "PLAN_DISABLED"},
		{"disabled project", w.Agent1, off, offPlan, 1, 409, "PROJECT_DISABLED"},
		{"unknown project", w.Agent1, 99999999, plan, 1, 400, "PLAN_INVALID"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, batches := balanceOf(t, c.by.ID), batchCount(t, c.by.ID)
			expectError(t, createBatch(t, c.by.C, c.project, c.plan, c.count), c.status, c.reason)
			if after := balanceOf(t, c.by.ID); after != before || batchCount(t, c.by.ID) != batches {
				t.Fatalf("a refused batch changed something: balance %+v -> %+v", before, after)
			}
		})
	}
	// The exact amount passes: 10 cards x 10 units.
	if b := created(t, w.Agent1.C, pid, plan, 10); b.Cost != 100 || balanceOf(t, w.Agent1.ID).Available != 0 {
		t.Fatalf("batch %+v, balance %+v", b, balanceOf(t, w.Agent1.ID))
	}
}

// Who generates: an authorized agent-admin or agent pays; the super-admin generates for any
// project without an authorization and without a charge.
func TestBatchRoles(t *testing.T) {
	w := newWorld(t)
	pid, plan := newProject(t, w.Admin.C, 5)
	authorize(t, w.Admin.C, pid, w.Boss.ID)
	fund(t, w.Boss.ID, 50)
	if b := created(t, w.Boss.C, pid, plan, 10); b.Cost != 50 || balanceOf(t, w.Boss.ID).Available != 0 {
		t.Fatalf("agent-admin's batch %+v", b)
	}
	if b := created(t, w.Admin.C, pid, plan, 3); b.Cost != 0 || len(cardsOf(t, b.ID)) != 3 {
		t.Fatalf("super-admin's batch %+v", b)
	}
}

// The Idempotency-Key: a retry answers the first batch and charges nothing more; the key with
// another request is 409.
func TestBatchIdempotency(t *testing.T) {
	w := newWorld(t)
	pid, plan := newProject(t, w.Admin.C, 3)
	authorize(t, w.Admin.C, pid, w.Agent1.ID)
	fund(t, w.Agent1.ID, 100)
	c := withKey(w.Agent1.C, testkit.UniqueName("k"))
	first := created(t, c, pid, plan, 10)
	again := created(t, c, pid, plan, 10)
	if again.ID != first.ID || balanceOf(t, w.Agent1.ID).Available != 70 || batchCount(t, w.Agent1.ID) != 1 {
		t.Fatalf("retry %+v after %+v, balance %+v", again, first, balanceOf(t, w.Agent1.ID))
	}
	expectError(t, createBatch(t, c, pid, plan, 11), 409, "IDEMPOTENCY_MISMATCH")
	if balanceOf(t, w.Agent1.ID).Available != 70 {
		t.Fatal("a mismatched retry charged")
	}
}

// 50 batches of one agent at once, across two server processes on MySQL, never spend
// more than the agent holds: exactly as many succeed as the quota pays for, the others get
// 409 QUOTA_INSUFFICIENT, and the account ends at zero with nothing frozen.
func TestConcurrentBatchesNeverOverspend(t *testing.T) {
	w := newWorld(t)
	pid, plan := newProject(t, w.Admin.C, 4)
	authorize(t, w.Admin.C, pid, w.Agent1.ID)
	const afford, tries, count = 20, 50, 5
	fund(t, w.Agent1.ID, afford*count*4)
	clients := []*testkit.Client{w.Agent1.C}
	// The embedded default is one process by design (SQLite, one writer); with MySQL a second
	// server process shares the database, as two nodes of a deployment do.
	if os.Getenv("KAMI_TEST_BACKEND") == "real" {
		second := *w.Agent1.C
		second.Base = testkit.Current().StartNode(t).BaseURL
		clients = append(clients, &second)
	}

	var mu sync.Mutex
	results := map[string]int{}
	var wg sync.WaitGroup
	for i := 0; i < tries; i++ {
		wg.Add(1)
		go func(c *testkit.Client) {
			defer wg.Done()
			// 503 SERVER_BUSY (the account's queue outlasted the lock wait, as on a loaded CI
			// machine) says "try again": a client does, and the invariant must hold all the same.
			var r *testkit.Resp
			var err error
			for attempt := 0; attempt < 20; attempt++ {
				r, err = c.DoErr(http.MethodPost, "/api/cards/batches", map[string]any{"projectId": pid, "planId": plan, "count": count})
				if err != nil || r.Reason != "SERVER_BUSY" {
					break
				}
			}
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil:
				results["error: "+err.Error()]++
			case r.Status == http.StatusOK:
				results["ok"]++
			default:
				results[r.Reason]++
			}
		}(clients[i%len(clients)])
	}
	wg.Wait()
	if results["ok"] != afford || results["QUOTA_INSUFFICIENT"] != tries-afford {
		t.Fatalf("results %v, want %d ok and %d QUOTA_INSUFFICIENT", results, afford, tries-afford)
	}
	if b := balanceOf(t, w.Agent1.ID); b.Available != 0 || b.Frozen != 0 {
		t.Fatalf("balance %+v", b)
	}
	n, err := dao.Cards.Ctx(context.Background()).Where("owner_id", w.Agent1.ID).Count()
	if err != nil || n != afford*count || batchCount(t, w.Agent1.ID) != afford {
		t.Fatalf("%d cards in %d batches, want %d in %d (%v)", n, batchCount(t, w.Agent1.ID), afford*count, afford, err)
	}
}

// Agents see their own batches, agent-admins their subtree's, the super-admin all; a batch
// outside the scope is 404 everywhere (read, export, disable).
func TestBatchScope(t *testing.T) {
	w := newWorld(t)
	pid, plan := newProject(t, w.Admin.C, 1)
	for _, m := range []member{w.Agent1, w.Agent2, w.Other} {
		authorize(t, w.Admin.C, pid, m.ID)
		fund(t, m.ID, 10)
	}
	b1 := created(t, w.Agent1.C, pid, plan, 1)
	created(t, w.Agent2.C, pid, plan, 1)
	created(t, w.Other.C, pid, plan, 1)
	for _, c := range []struct {
		name string
		by   member
		want int
		sees bool
	}{
		{"owner", w.Agent1, 1, true}, {"sibling agent", w.Agent2, 1, false}, {"parent agent-admin", w.Boss, 2, true},
		{"other agent-admin", w.Boss2, 1, false}, {"other agent", w.Other, 1, false}, {"super-admin", w.Admin, 3, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			var page struct {
				Total int `json:"total"`
			}
			c.by.C.Get(t, path("/api/cards/batches/list?projectId=%d", pid)).Expect(t, http.StatusOK).Decode(t, &page)
			if page.Total != c.want {
				t.Fatalf("sees %d batches, want %d", page.Total, c.want)
			}
			for _, r := range []*testkit.Resp{
				c.by.C.Get(t, path("/api/cards/batches/%d", b1.ID)),
				c.by.C.Get(t, path("/api/cards/batches/%d/export?format=csv", b1.ID)),
				c.by.C.Get(t, path("/api/cards/list?batchId=%d", b1.ID)),
			} {
				if c.sees && r.Status != http.StatusOK || !c.sees && r.Status != http.StatusOK && r.Status != http.StatusNotFound {
					t.Fatalf("HTTP %d: %s", r.Status, r.Raw)
				}
			}
			if !c.sees {
				expectError(t, c.by.C.Get(t, path("/api/cards/batches/%d", b1.ID)), 404, "NOT_FOUND")
				expectError(t, c.by.C.Post(t, path("/api/cards/batches/%d/disable", b1.ID), nil), 404, "NOT_FOUND")
				var cards struct {
					Total int `json:"total"`
				}
				c.by.C.Get(t, path("/api/cards/list?batchId=%d", b1.ID)).Expect(t, http.StatusOK).Decode(t, &cards)
				if cards.Total != 0 {
					t.Fatalf("sees %d cards of another's batch", cards.Total)
				}
			}
		})
	}
}
