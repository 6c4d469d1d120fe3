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

// remindOnTwoNodes runs derp.remind on both nodes at the same moment: on this one twice straight
// through the service (no job lock, so only the dedup keys in the shared database and Redis keep
// a step single) and once as a job over HTTP, on the second node as a job over HTTP. The second
// node is another process: nothing in this one's memory can help it.
func remindOnTwoNodes(t *testing.T, w world, node *testkit.Node) {
	t.Helper()
	nc := node.Client()
	nc.Token, nc.Header = w.Admin.C.Token, w.Admin.C.Header
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			_, errs[i] = service.Derp().RemindRentals(context.Background())
		}(i)
	}
	runs := make([]testkit.JobRun, 2)
	for i, c := range []*testkit.Client{w.Admin.C, nc} {
		wg.Add(1)
		go func(i int, c *testkit.Client) {
			defer wg.Done()
			<-start
			runs[i] = c.RunJob(t, "derp.remind")
		}(i, c)
	}
	close(start)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range runs {
		if r.Status != "success" {
			t.Fatalf("remind runs %+v", runs)
		}
	}
}

// emailCopies is how many email copies of derp reminders were queued for the user.
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

// §14 "two-node tests for … reminders": the 7, 3 and 1-day reminders of a 30-day term, and the
// single 1-day reminder of a 3-day term, are each written and mailed exactly once while both
// nodes run derp.remind at the same moment, again and again, as the shared clock crosses the
// windows.
func TestRemindOncePerStepOverTwoNodes(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3)
	clk, _ := frozen(t)
	testkit.FakeMailer(t)
	node := testkit.Current().StartNode(t)
	short := login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser))
	withEmail(t, w.Member)
	withEmail(t, short)
	month := activateSerial(t, w, w.Member, 3) // 30 d
	three := activateSerial(t, w, short, 1)    // 3 d

	steps := []struct {
		advance     time.Duration
		month, term []string
	}{
		{0, nil, nil},
		{2*day + time.Second, nil, []string{"remind_1"}},
		{21 * day, []string{"remind_7"}, []string{"remind_1"}},
		{4 * day, []string{"remind_3", "remind_7"}, []string{"remind_1"}},
		{2 * day, []string{"remind_1", "remind_3", "remind_7"}, []string{"remind_1"}},
	}
	for _, st := range steps {
		if st.advance > 0 {
			clk.Advance(t, st.advance)
			w = relogin(t, w)
		}
		remindOnTwoNodes(t, w, node)
		remindOnTwoNodes(t, w, node)
		expectKinds(t, month.Id, st.month...)
		expectKinds(t, three.Id, st.term...)
	}
	if n := emailCopies(t, w.Member.ID); n != 3 {
		t.Fatalf("%d reminder emails queued for the 30-day term, want 3", n)
	}
	if n := emailCopies(t, short.ID); n != 1 {
		t.Fatalf("%d reminder emails queued for the 3-day term, want 1", n)
	}
	var inbox struct {
		Total int `json:"total"`
	}
	w.Member.C.Get(t, "/api/notifications/list?pageSize=50").Expect(t, http.StatusOK).Decode(t, &inbox)
	if inbox.Total < 3 {
		t.Fatalf("inbox %+v", inbox)
	}
}
