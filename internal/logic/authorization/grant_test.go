package authorization_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"kami/internal/errs"
	"kami/internal/service"
	"kami/internal/testkit"
)

// TestGrantRules: the super-admin authorizes any agent-admin or agent; an agent-admin only its
// own agents, for projects it holds itself; agents grant nothing; another admin's agent is 404.
func TestGrantRules(t *testing.T) {
	w := newWorld(t)
	held := newProject(t, w.Admin.C)   // Boss is authorized for it below
	unheld := newProject(t, w.Admin.C) // nobody is
	granted(t, w.Admin.C, held, w.Boss.ID, "")
	soon := rfc(time.Now().Add(48 * time.Hour))
	cases := []struct {
		name    string
		by      member
		project int64
		agent   int64
		expires string
		status  int
		reason  string
	}{
		{"super-admin authorizes an agent-admin", w.Admin, unheld, w.Boss2.ID, "", 200, ""},
		{"super-admin authorizes another admin's agent", w.Admin, unheld, w.Other.ID, soon, 200, ""},
		{"agent-admin authorizes its agent", w.Boss, held, w.Agent1.ID, soon, 200, ""},
		{"agent-admin needs the project itself", w.Boss, unheld, w.Agent2.ID, "", 403, "PROJECT_NOT_AUTHORIZED"},
		{"agent-admin cannot reach another admin's agent", w.Boss, held, w.Other.ID, "", 404, "NOT_FOUND"},
		{"agent-admin cannot reach another agent-admin", w.Boss, held, w.Boss2.ID, "", 404, "NOT_FOUND"},
		{"agent-admin cannot authorize itself", w.Boss, held, w.Boss.ID, "", 400, "AUTHORIZATION_GRANTEE_INVALID"},
		{"super-admin cannot authorize itself", w.Admin, held, w.Admin.ID, "", 400, "AUTHORIZATION_GRANTEE_INVALID"},
		{"agent cannot grant", w.Agent1, held, w.Agent2.ID, "", 403, "FORBIDDEN"},
		{"already authorized", w.Admin, held, w.Boss.ID, "", 409, "AUTHORIZATION_EXISTS"},
		{"unknown project", w.Admin, 999999999, w.Agent2.ID, "", 404, "NOT_FOUND"},
		{"unknown user", w.Admin, held, 999999999, "", 404, "NOT_FOUND"},
		{"end in the past", w.Admin, held, w.Agent2.ID, rfc(time.Now().Add(-time.Minute)), 400, "AUTHORIZATION_EXPIRY_INVALID"},
		{"end not a time", w.Admin, held, w.Agent2.ID, "tomorrow", 400, "TIME_INVALID"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := grant(t, c.by.C, c.project, c.agent, c.expires)
			if c.status != 200 {
				expectError(t, r, c.status, c.reason)
				return
			}
			var a authorization
			r.Expect(t, 200).Decode(t, &a)
			if a.ProjectID != c.project || a.AgentID != c.agent || a.GrantedBy != c.by.ID || a.Status != "active" || a.Source != "grant" {
				t.Fatalf("granted %+v", a)
			}
			if (c.expires == "") != (a.ExpiresAt == nil) {
				t.Fatalf("expiresAt %v, asked %q", a.ExpiresAt, c.expires)
			}
			if got := notices(t, testkit.Current().Login(t, userOf(w, c.agent)), "authorization.changed", a.ID); len(got) != 1 {
				t.Fatalf("the holder got %d notices, want 1", len(got))
			}
		})
	}
	t.Run("bad input", func(t *testing.T) {
		for _, b := range []any{map[string]any{"agentId": w.Agent2.ID}, map[string]any{"projectId": held, "agentId": 0},
			map[string]any{"projectId": held, "agentId": w.Agent2.ID, "role": "x"}, "{nope"} {
			r := w.Admin.C.Post(t, "/api/authorizations", b)
			if r.Status != 400 {
				t.Fatalf("%v: HTTP %d %s", b, r.Status, r.Raw)
			}
		}
	})
}

func userOf(w world, id int64) testkit.SeededUser {
	for _, m := range []member{w.Admin, w.Boss, w.Agent1, w.Agent2, w.Boss2, w.Other} {
		if m.ID == id {
			return m.SeededUser
		}
	}
	panic("unknown user")
}

// TestAgentAdminGrantsEndWithItsOwn: an agent-admin's grant never outlives its own
// authorization; an unbounded one takes its end.
func TestAgentAdminGrantsEndWithItsOwn(t *testing.T) {
	w := newWorld(t)
	p := newProject(t, w.Admin.C)
	end := time.Now().Add(10 * 24 * time.Hour).UTC().Truncate(time.Second)
	granted(t, w.Admin.C, p, w.Boss.ID, rfc(end))
	expectError(t, grant(t, w.Boss.C, p, w.Agent1.ID, rfc(end.Add(time.Hour))), 400, "AUTHORIZATION_EXPIRY_INVALID")
	a := granted(t, w.Boss.C, p, w.Agent1.ID, "")
	if a.ExpiresAt == nil {
		t.Fatal("an unbounded grant of a bounded agent-admin never ends")
	}
	if got, _ := time.Parse(time.RFC3339, *a.ExpiresAt); !got.Equal(end) {
		t.Fatalf("expiresAt %s, want the agent-admin's end %s", *a.ExpiresAt, end)
	}
	// The same rule when renewing.
	expectError(t, w.Boss.C.Put(t, path("/api/authorizations/%d", a.ID), map[string]any{"expiresAt": rfc(end.Add(time.Hour))}),
		400, "AUTHORIZATION_EXPIRY_INVALID")
	var renewed authorization
	w.Boss.C.Put(t, path("/api/authorizations/%d", a.ID), map[string]any{"expiresAt": rfc(end.Add(-time.Hour))}).
		Expect(t, 200).Decode(t, &renewed)
	if got, _ := time.Parse(time.RFC3339, *renewed.ExpiresAt); !got.Equal(end.Add(-time.Hour)) {
		t.Fatalf("renewed to %s", *renewed.ExpiresAt)
	}
	if got := notices(t, w.Agent1.C, "authorization.changed", a.ID); len(got) != 2 {
		t.Fatalf("granted and renewed: %d notices, want 2", len(got))
	}
}

// TestScopeRevokeAndCheck: lists follow the data scope; revoking ends the authorization for
// Check at once, keeps it as history and frees the pair for a new grant.
func TestScopeRevokeAndCheck(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	p := newProject(t, w.Admin.C)
	boss := granted(t, w.Admin.C, p, w.Boss.ID, "")
	a1 := granted(t, w.Boss.C, p, w.Agent1.ID, "")
	other := granted(t, w.Admin.C, p, w.Other.ID, "")

	list := func(c *testkit.Client, query string) map[int64]authorization {
		var page struct {
			Items []authorization `json:"items"`
		}
		c.Get(t, "/api/authorizations/list?pageSize=100&projectId="+itoa(p)+query).Expect(t, http.StatusOK).Decode(t, &page)
		out := map[int64]authorization{}
		for _, a := range page.Items {
			out[a.ID] = a
		}
		return out
	}
	if got := list(w.Agent1.C, ""); len(got) != 1 || got[a1.ID].AgentName != w.Agent1.Username {
		t.Fatalf("an agent sees %v, want only its own", got)
	}
	if got := list(w.Boss.C, ""); len(got) != 2 || got[boss.ID].ID == 0 || got[a1.ID].ID == 0 {
		t.Fatalf("an agent-admin sees %v, want its own and its agent's", got)
	}
	if got := list(w.Boss2.C, ""); len(got) != 1 || got[other.ID].ID == 0 {
		t.Fatalf("the other agent-admin sees %v", got)
	}
	if got := list(w.Admin.C, ""); len(got) != 3 {
		t.Fatalf("the super-admin sees %v", got)
	}

	if err := service.Authorization().Check(ctx, p, w.Agent1.ID); err != nil {
		t.Fatalf("Check before revoking: %v", err)
	}
	if err := service.Authorization().Check(ctx, p, w.Agent2.ID); !errs.Is(err, errs.ProjectNotAuthorized) {
		t.Fatalf("Check of a user without authorization: %v", err)
	}
	if err := service.Authorization().Check(ctx, p, w.Admin.ID); err != nil {
		t.Fatalf("the super-admin is authorized for every project: %v", err)
	}
	expectError(t, w.Boss2.C.Delete(t, path("/api/authorizations/%d", a1.ID)), 404, "NOT_FOUND")
	expectError(t, w.Agent1.C.Delete(t, path("/api/authorizations/%d", a1.ID)), 403, "FORBIDDEN")
	expectError(t, w.Boss.C.Delete(t, path("/api/authorizations/%d", boss.ID)), 400, "AUTHORIZATION_GRANTEE_INVALID")

	var revoked authorization
	w.Boss.C.Delete(t, path("/api/authorizations/%d", a1.ID)).Expect(t, 200).Decode(t, &revoked)
	if revoked.Status != "revoked" || revoked.EndedAt == nil {
		t.Fatalf("revoked %+v", revoked)
	}
	if err := service.Authorization().Check(ctx, p, w.Agent1.ID); !errs.Is(err, errs.ProjectNotAuthorized) {
		t.Fatalf("Check after revoking: %v", err)
	}
	expectError(t, w.Boss.C.Delete(t, path("/api/authorizations/%d", a1.ID)), 409, "INVALID_STATE")
	expectError(t, w.Boss.C.Put(t, path("/api/authorizations/%d", a1.ID), map[string]any{"expiresAt": ""}), 409, "INVALID_STATE")
	if got := notices(t, w.Agent1.C, "authorization.changed", a1.ID); len(got) != 2 {
		t.Fatalf("granted and revoked: %d notices", len(got))
	}
	if got := list(w.Boss.C, "&status=revoked"); len(got) != 1 || got[a1.ID].Status != "revoked" {
		t.Fatalf("revoked list %v", got)
	}
	again := granted(t, w.Boss.C, p, w.Agent1.ID, "")
	if again.ID == a1.ID {
		t.Fatal("a new grant reused the revoked row")
	}
	if got := list(w.Boss.C, "&agentId="+itoa(w.Agent1.ID)); len(got) != 2 {
		t.Fatalf("history and the new grant: %v", got)
	}

	// A disabled project takes no grants, and Check says so.
	w.Admin.C.Put(t, path("/api/projects/%d/status", p), map[string]any{"status": "disabled"}).Expect(t, 200)
	expectError(t, grant(t, w.Admin.C, p, w.Agent2.ID, ""), 409, "PROJECT_DISABLED")
	if err := service.Authorization().Check(ctx, p, w.Agent1.ID); !errs.Is(err, errs.ProjectDisabled) {
		t.Fatalf("Check on a disabled project: %v", err)
	}
	if err := service.Authorization().Check(ctx, 999999999, w.Agent1.ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("Check on an unknown project: %v", err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestRacingGrantsMakeOne: the unique active_key decides between grants racing past the
// checks: one succeeds, the others get 409 AUTHORIZATION_EXISTS, never a 500.
func TestRacingGrantsMakeOne(t *testing.T) {
	w := newWorld(t)
	p := newProject(t, w.Admin.C)
	const n = 8
	statuses := make(chan string, n)
	for i := 0; i < n; i++ {
		go func() {
			r, err := w.Admin.C.DoErr("POST", "/api/authorizations", map[string]any{"projectId": p, "agentId": w.Agent1.ID})
			if err != nil {
				statuses <- err.Error()
				return
			}
			statuses <- strconv.Itoa(r.Status) + " " + r.ErrorCode()
		}()
	}
	count := map[string]int{}
	for i := 0; i < n; i++ {
		count[<-statuses]++
	}
	if count["200 "] != 1 || count["409 AUTHORIZATION_EXISTS"] != n-1 {
		t.Fatalf("want one 200 and %d 409s, got %v", n-1, count)
	}
}
