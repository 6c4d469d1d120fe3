package notify_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"kami/internal/consts"
	"kami/internal/model"
	"kami/internal/testkit"
)

// Each user reads, counts and marks only their own notifications; someone else's id is 404 and
// stays unread; texts render in the reader's language from the stored template and params.
func TestInboxIsPerUser(t *testing.T) {
	a := seedUser(t, consts.RoleAgent, "")
	b := seedUser(t, consts.RoleAgentAdmin, "")
	if n := send(t, quotaNotice("", a.ID)); n != 1 {
		t.Fatalf("reached %d, want 1", n)
	}
	send(t, model.Notice{To: model.Recipients{UserIDs: []int64{a.ID, b.ID}}, Kind: "system.note", Title: "both", Body: "for a and b"})

	if got := unread(t, a.Client); got != 2 {
		t.Fatalf("a unread %d, want 2", got)
	}
	if got := unread(t, b.Client); got != 1 {
		t.Fatalf("b unread %d, want 1", got)
	}
	la := inbox(t, a.Client, "")
	if la.Total != 2 || len(la.Items) != 2 || la.Items[0].Title != "both" {
		t.Fatalf("a's inbox, newest first: %+v", la)
	}
	quota := la.Items[1]
	if quota.Kind != "quota.changed" || quota.KindName != "额度变动" || quota.Read || quota.ReadAt != nil ||
		quota.Ref == nil || quota.Ref.Type != "quota.ledger" || quota.Ref.ID != 42 {
		t.Fatalf("quota item: %+v", quota)
	}
	if quota.Title != "您的额度变动 1234567" || !strings.Contains(quota.Content, "recharge") || !strings.Contains(quota.Content, "2000000") {
		t.Fatalf("zh-CN rendering: %q / %q", quota.Title, quota.Content)
	}
	a.Client.Lang = "en"
	en := inbox(t, a.Client, "").Items[1]
	a.Client.Lang = ""
	if en.Title != "Your quota changed by 1234567" || en.KindName != "Quota change" {
		t.Fatalf("en rendering: %+v", en)
	}
	lb := inbox(t, b.Client, "")
	if lb.Total != 1 {
		t.Fatalf("b sees %+v", lb)
	}

	// Another user's id is not found, and stays unread for its owner.
	r := b.Client.Put(t, fmt.Sprintf("/api/notifications/%d/read", quota.ID), nil).Expect(t, http.StatusNotFound)
	if r.ErrorCode() != "NOT_FOUND" {
		t.Fatalf("reading another's notification: %s", r.Raw)
	}
	b.Client.Put(t, "/api/notifications/999999999/read", nil).Expect(t, http.StatusNotFound)
	if got := unread(t, a.Client); got != 2 {
		t.Fatalf("a unread after b's attempt: %d", got)
	}

	var read item
	a.Client.Put(t, fmt.Sprintf("/api/notifications/%d/read", quota.ID), nil).Expect(t, http.StatusOK).Decode(t, &read)
	a.Client.Put(t, fmt.Sprintf("/api/notifications/%d/read", quota.ID), nil).Expect(t, http.StatusOK).Decode(t, &read)
	if !read.Read || read.ReadAt == nil || read.ID != quota.ID {
		t.Fatalf("read item: %+v", read)
	}
	if got := unread(t, a.Client); got != 1 {
		t.Fatalf("a unread after one read: %d", got)
	}
	if l := inbox(t, a.Client, "&unread=true"); l.Total != 1 || l.Items[0].Title != "both" {
		t.Fatalf("unread filter: %+v", l)
	}
	if l := inbox(t, a.Client, "&unread=false"); l.Total != 1 || l.Items[0].ID != quota.ID {
		t.Fatalf("read filter: %+v", l)
	}

	// read-all marks a's rest, not b's.
	var all struct {
		Count int `json:"count"`
	}
	a.Client.Put(t, "/api/notifications/read-all", nil).Expect(t, http.StatusOK).Decode(t, &all)
	if all.Count != 1 || unread(t, a.Client) != 0 {
		t.Fatalf("read-all marked %d, unread now %d", all.Count, unread(t, a.Client))
	}
	if got := unread(t, b.Client); got != 1 {
		t.Fatalf("b unread after a's read-all: %d", got)
	}
	// The first read time is kept.
	if again := inbox(t, a.Client, "&unread=false").Items[1]; again.ReadAt == nil || *again.ReadAt != *read.ReadAt {
		t.Fatalf("read time changed: %v vs %v", again.ReadAt, read.ReadAt)
	}
}

// The inbox routes need a login, nothing more.
func TestInboxNeedsLogin(t *testing.T) {
	anon := testkit.Current().Client()
	for _, path := range []string{"/api/notifications/list", "/api/notifications/unread-count"} {
		anon.Get(t, path).Expect(t, http.StatusUnauthorized)
	}
	anon.Put(t, "/api/notifications/read-all", nil).Expect(t, http.StatusUnauthorized)
	anon.Put(t, "/api/notifications/1/read", nil).Expect(t, http.StatusUnauthorized)
}
