package derp_test

import (
	"context"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	v1 "kami/api/derp/v1"

	"kami/internal/adapter/smtpmail"
	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/internal/testkit"
)

const day = 24 * time.Hour

// withEmail gives a seeded member an address, so its notices get an email copy.
func withEmail(t *testing.T, a actor) string {
	t.Helper()
	email := uniqueEmail()
	if _, err := dao.Users.Ctx(context.Background()).WherePri(a.ID).Data(do.Users{Email: email}).Update(); err != nil {
		t.Fatal(err)
	}
	return email
}

// activateSerial activates a rental of plan for the member with a fresh serial.
func activateSerial(t *testing.T, w world, m actor, plan int64) v1.RentalDetail {
	t.Helper()
	b := issue(t, w, plan, 1, nil)
	var d v1.RentalDetail
	m.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": b.Codes[0]}).Expect(t, http.StatusOK).Decode(t, &d)
	return d
}

// noticeKinds are the derp_notices kinds written for a rental, sorted.
func noticeKinds(t *testing.T, rentalID int64) []string {
	t.Helper()
	vals, err := dao.DerpNotices.Ctx(context.Background()).Fields("kind").Where("rental_id", rentalID).Array()
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(vals))
	for _, v := range vals {
		out = append(out, v.String())
	}
	sort.Strings(out)
	return out
}

func expectKinds(t *testing.T, rentalID int64, want ...string) {
	t.Helper()
	sort.Strings(want)
	if got := noticeKinds(t, rentalID); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("rental %d notices %v, want %v", rentalID, got, want)
	}
}

// remindConcurrently runs derp.remind three times at once: twice straight through the service
// (no job lock between them, so only the dedup keys keep the steps single) and once over HTTP.
func remindConcurrently(t *testing.T, w world) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, errs[i] = service.Derp().RemindRentals(context.Background())
		}(i)
	}
	run := w.Admin.C.RunJob(t, "derp.remind")
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if run.Status != "success" {
		t.Fatalf("remind run %+v", run)
	}
}

// mailsTo waits for n mails of the template family (a prefix such as derp.remind) to the
// address, and checks exactly n email copies of it were queued for the user.
func mailsTo(t *testing.T, f *smtpmail.Fake, userID int64, to, family, marker string, n int) []smtpmail.Message {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var got []smtpmail.Message
	for {
		got = got[:0]
		for _, m := range f.Messages() {
			if m.To == to && strings.Contains(m.Subject, marker) {
				got = append(got, m)
			}
		}
		if len(got) >= n || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	q, err := g.DB().Ctx(context.Background()).GetValue(context.Background(), `SELECT COUNT(*) FROM notification_deliveries d
		JOIN notifications n ON n.id = d.notification_id JOIN notices x ON x.id = n.notice_id
		WHERE d.user_id = ? AND d.channel = 'email' AND x.template LIKE ?`, userID, family+"%")
	if err != nil || q.Int() != n || len(got) != n {
		t.Fatalf("%d %s email copies queued, %d sent to %s, want %d (%v)", q.Int(), family, len(got), to, n, err)
	}
	return got
}

// §14.8, §10 derp.remind: a 30-day term gets the 7, 3 and 1-day reminders exactly once each
// under concurrent runs; a 3-day term gets only the 1-day one; a rental whose 7-day window was
// missed (here, shortened into the 3-day window) gets only the smallest due step. Each notice
// is an inbox row and one email.
func TestRemindOncePerStep(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3)
	clk, now := frozen(t)
	mail := testkit.FakeMailer(t)
	short := login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser))
	late := login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser))
	emails := map[int64]string{w.Member.ID: withEmail(t, w.Member), short.ID: withEmail(t, short), late.ID: withEmail(t, late)}

	month := activateSerial(t, w, w.Member, 3) // 30 d
	three := activateSerial(t, w, short, 1)    // 3 d
	missed := activateSerial(t, w, late, 3)
	w.Admin.C.Post(t, "/api/derp/rentals/"+itoa(missed.Id)+"/extend", map[string]any{
		"expiresAt": now.Add(24*day + 12*time.Hour).Format(time.RFC3339), "allowShorten": true}).Expect(t, http.StatusOK)

	remindConcurrently(t, w)
	for _, id := range []int64{month.Id, three.Id, missed.Id} {
		expectKinds(t, id)
	}
	// 1 day before the 3-day term ends: only its 1-day reminder.
	clk.Advance(t, 2*day+time.Second)
	w = relogin(t, w)
	remindConcurrently(t, w)
	expectKinds(t, three.Id, "remind_1")
	expectKinds(t, month.Id)

	// 7 days before the month ends: its 7-day step; the shortened rental is already inside its
	// 3-day window, so it gets remind_3 and never remind_7.
	clk.Advance(t, 21*day)
	w = relogin(t, w)
	remindConcurrently(t, w)
	expectKinds(t, month.Id, "remind_7")
	expectKinds(t, missed.Id, "remind_3")
	clk.Advance(t, 4*day)
	w = relogin(t, w)
	remindConcurrently(t, w)
	remindConcurrently(t, w)
	expectKinds(t, month.Id, "remind_3", "remind_7")
	clk.Advance(t, 2*day)
	w = relogin(t, w)
	remindConcurrently(t, w)
	expectKinds(t, month.Id, "remind_1", "remind_3", "remind_7")
	expectKinds(t, three.Id, "remind_1")
	expectKinds(t, missed.Id, "remind_3")

	got := mailsTo(t, mail, w.Member.ID, emails[w.Member.ID], "derp.remind", "到期", 3)
	subjects := strings.Join([]string{got[0].Subject, got[1].Subject, got[2].Subject}, "|")
	for _, n := range []string{"7", "3", "1"} {
		if strings.Count(subjects, month.RentalNo) != 3 || strings.Count(subjects, n+" 天") != 1 {
			t.Fatalf("reminder mails %q", subjects)
		}
	}
	if m := mailsTo(t, mail, short.ID, emails[short.ID], "derp.remind", "到期", 1); !strings.Contains(m[0].Subject, "1 天") {
		t.Fatalf("3-day term mail %q", m[0].Subject)
	}
	if m := mailsTo(t, mail, late.ID, emails[late.ID], "derp.remind", "到期", 1); !strings.Contains(m[0].Subject, "3 天") {
		t.Fatalf("missed-window mail %q", m[0].Subject)
	}
	// The inbox holds them too, under the member's own session.
	var inbox struct {
		Total int `json:"total"`
	}
	w.Member.C.Get(t, "/api/notifications/list?pageSize=50").Expect(t, http.StatusOK).Decode(t, &inbox)
	if inbox.Total < 3 {
		t.Fatalf("inbox %+v", inbox)
	}
}
