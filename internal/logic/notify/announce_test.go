package notify_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/logic/notify"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

type announcement struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Type     string `json:"type"`
	TypeName string `json:"typeName"`
	Audience struct {
		All     bool     `json:"all"`
		Roles   []string `json:"roles"`
		UserIds []int64  `json:"userIds"`
	} `json:"audience"`
	Email      bool    `json:"email"`
	Status     string  `json:"status"`
	SendAt     string  `json:"sendAt"`
	SentAt     *string `json:"sentAt"`
	Recipients int     `json:"recipients"`
	Creator    string  `json:"creator"`
}

func announce(t *testing.T, cl *testkit.Client, body map[string]any) announcement {
	t.Helper()
	var a announcement
	cl.Post(t, "/api/system/announcements", body).Expect(t, http.StatusOK).Decode(t, &a)
	return a
}

func announcementCount(t *testing.T) int {
	t.Helper()
	var l struct {
		Total int `json:"total"`
	}
	testkit.Current().Admin(t).Get(t, "/api/system/announcements/list").Expect(t, http.StatusOK).Decode(t, &l)
	return l.Total
}

// Only the super-admin sends and lists announcements; every role reads its own inbox.
func TestAnnouncementAccess(t *testing.T) {
	admin := testkit.Current().Admin(t)
	agentAdmin := seedUser(t, consts.RoleAgentAdmin, "")
	agent := seedUser(t, consts.RoleAgent, "")
	body := map[string]any{"title": "t", "content": "c", "type": "system", "audience": map[string]any{"userIds": []int64{agent.ID}}}
	for _, c := range []struct {
		name   string
		client *testkit.Client
		want   int
	}{
		{"super-admin", admin, http.StatusOK},
		{"agent-admin", agentAdmin.Client, http.StatusForbidden},
		{"agent", agent.Client, http.StatusForbidden},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.client.Post(t, "/api/system/announcements", body).Expect(t, c.want)
			c.client.Get(t, "/api/system/announcements/list").Expect(t, c.want)
			c.client.Get(t, "/api/notifications/list").Expect(t, http.StatusOK)
			c.client.Get(t, "/api/notifications/unread-count").Expect(t, http.StatusOK)
			c.client.Put(t, "/api/notifications/read-all", nil).Expect(t, http.StatusOK)
		})
	}
	if got := inbox(t, agent.Client, "").Total; got != 1 {
		t.Fatalf("the agent holds %d announcements, want the super-admin's one", got)
	}
}

// Sent now to a role: its holders get it at once, typed and localized; other roles do not.
// Sent to chosen users: only they get it. Sent to all with email: mailed to those with an address.
func TestAnnouncementAudiences(t *testing.T) {
	admin := testkit.Current().Admin(t)
	sink := testkit.MailSink(t)
	agentA := seedUser(t, consts.RoleAgent, uniqueEmail())
	agentB := seedUser(t, consts.RoleAgent, "")
	agentAdmin := seedUser(t, consts.RoleAgentAdmin, uniqueEmail())

	a := announce(t, admin, map[string]any{"title": "Maintenance tonight", "content": "22:00-23:00",
		"type": "maintenance", "audience": map[string]any{"roles": []string{consts.RoleAgent}}})
	if a.Status != "sent" || a.SentAt == nil || a.Recipients < 2 || a.TypeName != "维护通知" || a.Creator != "admin" ||
		len(a.Audience.Roles) != 1 || a.Audience.All {
		t.Fatalf("role announcement: %+v", a)
	}
	for _, u := range []user{agentA, agentB} {
		l := inbox(t, u.Client, "")
		if l.Total != 1 || l.Items[0].Kind != "announcement.maintenance" || l.Items[0].KindName != "维护通知" ||
			l.Items[0].Title != "Maintenance tonight" || l.Items[0].Content != "22:00-23:00" ||
			l.Items[0].Ref == nil || l.Items[0].Ref.Type != "announcement" || l.Items[0].Ref.ID != a.ID {
			t.Fatalf("%s's inbox: %+v", u.Username, l)
		}
	}
	if got := inbox(t, agentAdmin.Client, "").Total; got != 0 {
		t.Fatalf("an agent-admin got the agents' announcement")
	}
	agentA.Client.Lang = "en"
	if got := inbox(t, agentA.Client, "").Items[0].KindName; got != "Maintenance notice" {
		t.Fatalf("en kind name %q", got)
	}

	u := announce(t, admin, map[string]any{"title": "Just you", "content": "c", "type": "feature",
		"audience": map[string]any{"userIds": []int64{agentB.ID, agentAdmin.ID, agentB.ID}}})
	if u.Recipients != 2 || u.TypeName != "功能更新" {
		t.Fatalf("user announcement: %+v", u)
	}
	if inbox(t, agentA.Client, "").Total != 1 || inbox(t, agentB.Client, "").Total != 2 || inbox(t, agentAdmin.Client, "").Total != 1 {
		t.Fatal("chosen users: the inboxes do not match the audience")
	}

	all := announce(t, admin, map[string]any{"title": "Hello everyone", "content": "c", "type": "system",
		"audience": map[string]any{"all": true}, "email": true})
	if all.Recipients < 3 || !all.Email {
		t.Fatalf("all announcement: %+v", all)
	}
	for _, x := range []user{agentA, agentAdmin} {
		m, err := sink.WaitFor(x.Email, 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if m.Subject != "[系统公告] Hello everyone" {
			t.Fatalf("mail subject %q", m.Subject)
		}
	}
	if rows := deliveries(t, agentB.ID); len(rows) != 0 {
		t.Fatalf("a user without email has copies: %+v", rows)
	}
	if got := unread(t, testkit.Current().Admin(t)); got < 1 {
		t.Fatal("the super-admin is one of everyone")
	}
}

// An announcement for later is stored as scheduled and reaches nobody; the job sends it once
// its time has come, and only once however often it runs.
func TestScheduledAnnouncementSentByTheJob(t *testing.T) {
	admin := testkit.Current().Admin(t)
	agent := seedUser(t, consts.RoleAgent, "")
	later := time.Now().Add(time.Hour).Format(time.RFC3339)
	a := announce(t, admin, map[string]any{"title": "Soon", "content": "c", "type": "feature",
		"audience": map[string]any{"userIds": []int64{agent.ID}}, "sendAt": later})
	if a.Status != "scheduled" || a.SentAt != nil || a.Recipients != 0 {
		t.Fatalf("scheduled announcement: %+v", a)
	}
	if sendAtUnix(t, a.SendAt) != sendAtUnix(t, later) {
		t.Fatalf("sendAt %q, asked %q", a.SendAt, later)
	}
	if got := runJob(t, admin, notify.AnnouncementJob); got.Status != "success" {
		t.Fatalf("job run: %+v", got)
	}
	if got := unread(t, agent.Client); got != 0 {
		t.Fatal("an announcement for later was sent early")
	}

	// Its time comes (the clock is moved by moving the row, not by waiting).
	if _, err := dao.Announcements.Ctx(context.Background()).WherePri(a.ID).Data(do.Announcements{SendAt: gtime.Now().Add(-time.Second)}).Update(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if got := runJob(t, admin, notify.AnnouncementJob); got.Status != "success" {
			t.Fatalf("job run: %+v", got)
		}
	}
	if got := inbox(t, agent.Client, ""); got.Total != 1 || got.Items[0].Title != "Soon" {
		t.Fatalf("after the job: %+v", got)
	}
	var l struct {
		Items []announcement `json:"items"`
	}
	admin.Get(t, "/api/system/announcements/list?status=sent&pageSize=100").Expect(t, http.StatusOK).Decode(t, &l)
	found := false
	for _, x := range l.Items {
		if x.ID == a.ID {
			found = x.Status == "sent" && x.Recipients == 1 && x.SentAt != nil
		}
	}
	if !found {
		t.Fatalf("announcement %d not listed as sent to 1: %+v", a.ID, l.Items)
	}
}

func sendAtUnix(t *testing.T, s string) int64 {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v.Unix()
}

// A bad announcement is refused with the reason and stores nothing.
func TestAnnouncementValidation(t *testing.T) {
	admin := testkit.Current().Admin(t)
	before := announcementCount(t)
	ok := map[string]any{"title": "t", "content": "c", "type": "system"}
	with := func(extra map[string]any) map[string]any {
		out := map[string]any{}
		for k, v := range ok {
			out[k] = v
		}
		for k, v := range extra {
			out[k] = v
		}
		return out
	}
	for _, c := range []struct {
		name string
		body map[string]any
		code string
	}{
		{"no audience", with(map[string]any{"audience": map[string]any{}}), "INVALID_INPUT"},
		{"nobody", with(map[string]any{"audience": map[string]any{"all": false}}), "AUDIENCE_INVALID"},
		{"two audiences", with(map[string]any{"audience": map[string]any{"all": true, "roles": []string{"agent"}}}), "AUDIENCE_INVALID"},
		{"unknown role", with(map[string]any{"audience": map[string]any{"roles": []string{"root"}}}), "AUDIENCE_INVALID"},
		{"unknown user", with(map[string]any{"audience": map[string]any{"userIds": []int64{987654321}}}), "AUDIENCE_INVALID"},
		{"bad type", with(map[string]any{"type": "promo", "audience": map[string]any{"all": true}}), "INVALID_INPUT"},
		{"no title", map[string]any{"content": "c", "type": "system", "audience": map[string]any{"all": true}}, "INVALID_INPUT"},
		{"bad sendAt", with(map[string]any{"audience": map[string]any{"all": true}, "sendAt": "tomorrow"}), "TIME_INVALID"},
		{"unknown field", with(map[string]any{"audience": map[string]any{"all": true}, "sticky": true}), "UNKNOWN_FIELD"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := admin.Post(t, "/api/system/announcements", c.body).Expect(t, http.StatusBadRequest)
			if r.ErrorCode() != c.code {
				t.Fatalf("reason %q, want %q: %s", r.ErrorCode(), c.code, r.Raw)
			}
		})
	}
	if got := announcementCount(t); got != before {
		t.Fatalf("refused announcements were stored: %d -> %d", before, got)
	}
}
