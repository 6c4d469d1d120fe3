package camel_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/service"
	"kami/internal/testkit"
)

// TestLoginJobs: camel_oil.login releases a login stuck over 10 minutes and, only while the
// online accounts' room today is under capacityFloor, logs in at most 5 pending_login accounts,
// oldest first; camel_oil.token_check logs in again an online account whose token expires
// within the hour and leaves one with a longer token alone.
func TestLoginJobs(t *testing.T) {
	p := newPool(t, 1000)
	sms := pointSMSCode(t, p.admin, p.fake.Code)
	testkit.SetSettings(t, map[string]any{"camel_oil.smsPollMs": 100, "camel_oil.capacityFloor": 10})
	p.online(t, 1, 10) // room 10: not under the floor
	var pending []account
	for range 6 {
		pending = append(pending, createAccount(t, p.admin, map[string]any{"phone": newPhone()}))
	}
	stuck := createAccount(t, p.admin, map[string]any{"phone": newPhone()})
	// Frozen so that no scheduled run of these jobs interferes; the SMS polls wait real time.
	clk := testkit.SharedClock{}
	now := time.Now()
	clk.Freeze(t, now)
	t.Cleanup(func() { clk.Release(t) })
	cols := dao.CamelOilAccount.Columns()
	if _, err := dao.CamelOilAccount.Ctx(context.Background()).WherePri(stuck.ID).Data(g.Map{cols.Status: "logging_in",
		cols.StatusChangedAt: gtime.NewFromTime(now.Add(-11 * time.Minute).UTC())}).Update(); err != nil {
		t.Fatal(err)
	}
	run := func(job func(context.Context) (int, error)) int {
		t.Helper()
		n, err := job(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	statusOf := func(a account) string { t.Helper(); return p.get(t, a.ID).Status }

	if n := run(service.Camel().LoginRun); n != 1 || statusOf(stuck) != "pending_login" {
		t.Fatalf("room at the floor: the run did %d, stuck account %s", n, statusOf(stuck))
	}
	for _, a := range pending {
		if statusOf(a) != "pending_login" {
			t.Fatalf("a login started with room at the floor: %+v", p.get(t, a.ID))
		}
	}
	var h history
	p.admin.Get(t, fmt.Sprintf("/api/camel-oil/accounts/%d/history", stuck.ID)).Expect(t, http.StatusOK).Decode(t, &h)
	if h.Total != 1 || h.Items[0].FromStatus != "logging_in" || h.Items[0].ToStatus != "pending_login" {
		t.Fatalf("stuck account's history %+v", h)
	}

	testkit.SetSettings(t, map[string]any{"camel_oil.capacityFloor": 11}) // room 10 is now under it
	if n := run(service.Camel().LoginRun); n != 5 {
		t.Fatalf("under the floor the run logged in %d", n)
	}
	for i, a := range pending {
		want := "online"
		if i == 5 {
			want = "pending_login" // the sixth oldest waits for the next run
		}
		if got := statusOf(a); got != want || sms.Held(a.Phone) {
			t.Fatalf("pending account %d: %s (want %s), number held %v", i, got, want, sms.Held(a.Phone))
		}
	}
	if statusOf(stuck) != "pending_login" {
		t.Fatal("the newest pending account was logged in before an older one")
	}
	if n := run(service.Camel().LoginRun); n != 0 { // room 60 now
		t.Fatalf("above the floor again the run did %d", n)
	}

	// token_check: one token expires in 30 min, another in 2 h.
	soon, later := pending[0], pending[1]
	for id, until := range map[int64]time.Duration{soon.ID: 30 * time.Minute, later.ID: 2 * time.Hour} {
		if _, err := dao.CamelOilAccount.Ctx(context.Background()).WherePri(id).
			Data(g.Map{cols.TokenExpireAt: gtime.NewFromTime(now.Add(until).UTC())}).Update(); err != nil {
			t.Fatal(err)
		}
	}
	if n := run(service.Camel().TokenCheckRun); n != 1 {
		t.Fatalf("token check logged in %d", n)
	}
	var renewed struct {
		Status        string `json:"status"`
		TokenExpireAt string `json:"tokenExpireAt"`
	}
	p.admin.Get(t, fmt.Sprintf("/api/camel-oil/accounts/%d", soon.ID)).Expect(t, http.StatusOK).Decode(t, &renewed)
	if at, err := time.Parse(time.RFC3339, renewed.TokenExpireAt); err != nil || renewed.Status != "online" ||
		at.Before(now.Add(23*time.Hour)) {
		t.Fatalf("renewed account %+v (%v)", renewed, err)
	}
	p.admin.Get(t, fmt.Sprintf("/api/camel-oil/accounts/%d/history", soon.ID)).Expect(t, http.StatusOK).Decode(t, &h)
	if h.Total != 5 || h.Items[2].ToStatus != "pending_login" || h.Items[2].FromStatus != "online" || h.Items[0].ToStatus != "online" {
		t.Fatalf("renewed account's history %+v", h)
	}
	if got := p.get(t, later.ID); got.Status != "online" {
		t.Fatalf("a token good for 2 h was renewed: %+v", got)
	}
}
