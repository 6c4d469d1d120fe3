package authorization_test

import (
	"context"
	"testing"
	"time"

	"kami/internal/errs"
	"kami/internal/service"
)

// TestExpiryJob: the job warns a holder once when the end is within the warning window (3
// days by default) and ends the authorization at its end time, telling the holder; Check
// refuses from the end time on, before the job even runs.
func TestExpiryJob(t *testing.T) {
	start := freeze(t)
	w := newWorld(t)
	ctx := context.Background()
	pauseExpirySchedule(t, w.Admin.C)
	p := newProject(t, w.Admin.C)
	near := granted(t, w.Admin.C, p, w.Agent1.ID, rfc(start.Add(2*time.Hour)))
	far := granted(t, w.Admin.C, p, w.Agent2.ID, rfc(start.Add(4*24*time.Hour)))
	forever := granted(t, w.Admin.C, p, w.Other.ID, "")

	runExpiry(t, w.Admin.C)
	runExpiry(t, w.Admin.C) // a second run tells nobody twice
	if got := notices(t, w.Agent1.C, "authorization.expiring", near.ID); len(got) != 1 {
		t.Fatalf("the holder ending in 2 h got %d warnings, want 1", len(got))
	}
	if got := notices(t, w.Agent2.C, "authorization.expiring", far.ID); len(got) != 0 {
		t.Fatalf("the holder ending in 4 days got %d warnings", len(got))
	}

	// At the end time Check refuses at once; the job then marks it and tells the holder.
	move(t, 2*time.Hour)
	if err := service.Authorization().Check(ctx, p, w.Agent1.ID); !errs.Is(err, errs.ProjectNotAuthorized) {
		t.Fatalf("Check at the end time: %v", err)
	}
	runExpiry(t, w.Admin.C)
	runExpiry(t, w.Admin.C)
	if got := notices(t, w.Agent1.C, "authorization.changed", near.ID); len(got) != 2 {
		t.Fatalf("granted and expired: %d notices, want 2", len(got))
	}
	list := func(query string) []authorization {
		var page struct {
			Items []authorization `json:"items"`
		}
		w.Admin.C.Get(t, "/api/authorizations/list?pageSize=100&projectId="+itoa(p)+query).Expect(t, 200).Decode(t, &page)
		return page.Items
	}
	if got := list("&status=expired"); len(got) != 1 || got[0].ID != near.ID || got[0].EndedAt == nil {
		t.Fatalf("expired: %+v", got)
	}
	if got := list("&status=active"); len(got) != 2 || got[0].ID != forever.ID || got[1].ID != far.ID {
		t.Fatalf("still active: %+v", got)
	}
	granted(t, w.Admin.C, p, w.Agent1.ID, "") // the pair is free again

	// A day and a bit later the far one is within 3 days: warned once; renewing it warns
	// again for the new end only when that comes near.
	move(t, 25*time.Hour)
	runExpiry(t, w.Admin.C)
	if got := notices(t, w.Agent2.C, "authorization.expiring", far.ID); len(got) != 1 {
		t.Fatalf("the far holder got %d warnings, want 1", len(got))
	}
	w.Admin.C.Put(t, path("/api/authorizations/%d", far.ID), map[string]any{"expiresAt": rfc(start.Add(30 * 24 * time.Hour))}).Expect(t, 200)
	runExpiry(t, w.Admin.C)
	if got := notices(t, w.Agent2.C, "authorization.expiring", far.ID); len(got) != 1 {
		t.Fatalf("after renewing far ahead: %d warnings, want still 1", len(got))
	}
	if err := service.Authorization().Check(ctx, p, w.Other.ID); err != nil {
		t.Fatalf("an authorization without end: %v", err)
	}
}

func move(t *testing.T, d time.Duration) {
	t.Helper()
	sharedClock().Advance(t, d)
}
