package derp_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/service"
	"kami/internal/testkit"
)

// remindTwoNodes runs derp.remind on both nodes at the same moment: node 1 straight through the
// service (no job lock, so only the dedup keys keep the steps single) while node 2 — another
// process with its own memory, sharing the database, Redis and the frozen clock — runs the job
// over HTTP, and node 1's own HTTP run follows (the job lock serialises the two HTTP runs).
func remindTwoNodes(t *testing.T, w world, node *testkit.Node) {
	t.Helper()
	c2 := node.Client()
	c2.Token, c2.Header = w.Admin.C.Token, w.Admin.C.Header
	start := make(chan struct{})
	var wg sync.WaitGroup
	var err error
	runs := make([]testkit.JobRun, 2)
	wg.Add(3)
	go func() { defer wg.Done(); <-start; _, err = service.Derp().RemindRentals(context.Background()) }()
	go func() { defer wg.Done(); <-start; runs[0] = c2.RunJob(t, "derp.remind") }()
	go func() { defer wg.Done(); <-start; runs[1] = w.Admin.C.RunJob(t, "derp.remind") }()
	close(start)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runs {
		if r.Status != "success" {
			t.Fatalf("remind run %+v", r)
		}
	}
}

// emailCopies counts the reminder email copies queued for the user, whichever node queued them.
func emailCopies(t *testing.T, userID int64) int {
	t.Helper()
	v, err := g.DB().GetValue(context.Background(), `SELECT COUNT(*) FROM notification_deliveries d
		JOIN notifications n ON n.id = d.notification_id JOIN notices x ON x.id = n.notice_id
		WHERE d.user_id = ? AND d.channel = 'email' AND x.template LIKE 'derp.remind%'`, userID)
	if err != nil {
		t.Fatal(err)
	}
	return v.Int()
}

// Issue #13, §14.8: reminders 7/3/1 exactly once over two server nodes sharing one database and
// Redis, both running derp.remind for the same due set at the same moment and again after each
// clock move: a 30-day term gets one reminder per step, a 3-day term only the 1-day one, and a
// rental whose 7-day window was missed only the smallest due step.
func TestRemindOncePerStepTwoNodes(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3)
	clk, now := frozen(t)
	node := testkit.Current().StartNode(t)
	short := login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser))
	late := login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser))
	for _, a := range []actor{w.Member, short, late} {
		withEmail(t, a)
	}
	month := activateSerial(t, w, w.Member, 3) // 30 d
	three := activateSerial(t, w, short, 1)    // 3 d
	missed := activateSerial(t, w, late, 3)
	w.Admin.C.Post(t, "/api/derp/rentals/"+itoa(missed.Id)+"/extend", map[string]any{
		"expiresAt": now.Add(24*day + 12*time.Hour).Format(time.RFC3339), "allowShorten": true}).Expect(t, http.StatusOK)

	remindTwoNodes(t, w, node)
	for _, id := range []int64{month.Id, three.Id, missed.Id} {
		expectKinds(t, id)
	}
	clk.Advance(t, 2*day+time.Second) // inside the 3-day term's last day
	w = relogin(t, w)
	remindTwoNodes(t, w, node)
	remindTwoNodes(t, w, node)
	expectKinds(t, three.Id, "remind_1")
	expectKinds(t, month.Id)

	clk.Advance(t, 21*day) // the month's 7-day window; the shortened one is already in its 3-day window
	w = relogin(t, w)
	remindTwoNodes(t, w, node)
	remindTwoNodes(t, w, node)
	expectKinds(t, month.Id, "remind_7")
	expectKinds(t, missed.Id, "remind_3")

	clk.Advance(t, 4*day)
	w = relogin(t, w)
	remindTwoNodes(t, w, node)
	expectKinds(t, month.Id, "remind_3", "remind_7")

	clk.Advance(t, 2*day)
	w = relogin(t, w)
	remindTwoNodes(t, w, node)
	remindTwoNodes(t, w, node)
	expectKinds(t, month.Id, "remind_1", "remind_3", "remind_7")
	expectKinds(t, three.Id, "remind_1")
	expectKinds(t, missed.Id, "remind_3")
	for id, want := range map[int64]int{w.Member.ID: 3, short.ID: 1, late.ID: 1} {
		if got := emailCopies(t, id); got != want {
			t.Fatalf("user %d: %d reminder email copies, want %d", id, got, want)
		}
	}
}
