package apicalls_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"kami/internal/service"
	"kami/internal/testkit"
)

func expectError(t *testing.T, r *testkit.Resp, status int, reason string) {
	t.Helper()
	if r.Status != status || r.ErrorCode() != reason {
		t.Fatalf("HTTP %d %s, want %d %s: %s", r.Status, r.ErrorCode(), status, reason, r.Raw)
	}
}

// The lists refuse bad days and ranges, answer 404 for a project that does not exist and are
// the super-admin's: agent-admins and agents get 403.
func TestListsRefuseBadInputAndOtherRoles(t *testing.T) {
	admin, boss, agent := staff(t)
	p := newProject(t, admin)
	calls := func(q string) string { return fmt.Sprintf("/api/projects/%d/calls/list?%s", p, q) }
	for _, q := range []string{"from=2026-13-01&to=2026-12-31", "to=2026/01/02", "from=2026-02-30&to=2026-12-31",
		"to=2026-1-2", "from=yesterday"} {
		expectError(t, admin.Get(t, calls(q)), http.StatusBadRequest, "CALLS_DAY_INVALID")
	}
	for _, q := range []string{"from=2026-03-02&to=2026-03-01", "from=2025-01-01&to=2026-01-02"} {
		expectError(t, admin.Get(t, calls(q)), http.StatusBadRequest, "CALLS_RANGE_INVALID")
	}
	expectError(t, admin.Get(t, calls("endpoint=verify2")), http.StatusBadRequest, "INVALID_INPUT")
	// 366 days, a leap year's, is the longest range.
	l := listCalls(t, admin, p, "from=2028-01-01&to=2028-12-31")
	if l.From != "2028-01-01" || l.To != "2028-12-31" || len(l.Items) != 0 || l.Calls != 0 {
		t.Fatalf("empty year %+v", l)
	}
	expectError(t, admin.Get(t, "/api/projects/999999999/calls/list"), http.StatusNotFound, "NOT_FOUND")
	expectError(t, admin.Get(t, "/api/projects/999999999/failures/list"), http.StatusNotFound, "NOT_FOUND")
	for _, c := range []*testkit.Client{boss, agent} {
		expectError(t, c.Get(t, calls("")), http.StatusForbidden, "FORBIDDEN")
		expectError(t, c.Get(t, fmt.Sprintf("/api/projects/%d/failures/list", p)), http.StatusForbidden, "FORBIDDEN")
	}
	admin.Get(t, fmt.Sprintf("/api/projects/%d/failures/list", p)).Expect(t, http.StatusOK)
}

// The day a call counts on is the service clock's date in Asia/Shanghai: a second before and
// after midnight there (16:00 UTC) are two days; without a range the list ends today there.
func TestDayFollowsTheServiceClockInShanghai(t *testing.T) {
	admin, _, _ := staff(t)
	p := newProject(t, admin)
	c := fakeClock(t, time.Date(2026, 3, 1, 15, 59, 59, 0, time.UTC)) // 23:59:59 in Shanghai
	service.ApiCalls().Count(p, "verify", "VALID")
	c.Advance(time.Second) // 00:00:00 on 2 March in Shanghai, still 1 March in UTC
	service.ApiCalls().Count(p, "verify", "VALID")
	service.ApiCalls().Count(p, "verify", "VALID")
	flush(t)
	want := map[string]int64{"2026-03-01 verify VALID": 1, "2026-03-02 verify VALID": 2}
	sameCounts(t, "before the job", listCalls(t, admin, p, "from=2026-03-01&to=2026-03-02").byKey(), want)
	l := listCalls(t, admin, p, "")
	if l.From != "2026-02-01" || l.To != "2026-03-02" {
		t.Fatalf("default range %s..%s", l.From, l.To)
	}
	sameCounts(t, "default range", l.byKey(), want)
	sameCounts(t, "one day", listCalls(t, admin, p, "from=2026-03-02&to=2026-03-02").byKey(),
		map[string]int64{"2026-03-02 verify VALID": 2})
	mustDrain(t, admin)
	sameCounts(t, "table", tableCounts(t, p), want)
}
