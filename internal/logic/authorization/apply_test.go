package authorization_test

import (
	"net/http"
	"testing"
)

// TestApplicationFlow: an agent applies, its admin is told; the admin approves (the
// authorization is created, the agent told) or rejects (told with the reason); decisions are
// the applicant's admin's, once.
func TestApplicationFlow(t *testing.T) {
	w := newWorld(t)
	p := newProject(t, w.Admin.C)
	granted(t, w.Admin.C, p, w.Boss.ID, "")
	apply := func(m member, reason string) *application {
		var a application
		m.C.Post(t, "/api/authorization-applications", map[string]any{"projectId": p, "reason": reason}).
			Expect(t, http.StatusOK).Decode(t, &a)
		return &a
	}
	a := apply(w.Agent1, "I sell it in the north")
	if a.Status != "pending" || a.ApplicantID != w.Agent1.ID || a.ApproverID != w.Boss.ID {
		t.Fatalf("applied %+v", a)
	}
	if got := notices(t, w.Boss.C, "authorization.application", a.ID); len(got) != 1 {
		t.Fatalf("the approver got %d notices", len(got))
	}
	expectError(t, w.Agent1.C.Post(t, "/api/authorization-applications", map[string]any{"projectId": p, "reason": "again"}),
		409, "APPLICATION_PENDING")
	for _, bad := range []map[string]any{{"projectId": p}, {"projectId": p, "reason": ""}, {"reason": "x"}} {
		expectError(t, w.Agent2.C.Post(t, "/api/authorization-applications", bad), 400, "INVALID_INPUT")
	}
	expectError(t, w.Agent2.C.Post(t, "/api/authorization-applications", map[string]any{"projectId": 999999999, "reason": "x"}),
		404, "NOT_FOUND")

	approvePath := path("/api/authorization-applications/%d/approve", a.ID)
	expectError(t, w.Boss2.C.Put(t, approvePath, map[string]any{}), 404, "NOT_FOUND")
	expectError(t, w.Agent1.C.Put(t, approvePath, map[string]any{}), 403, "FORBIDDEN")

	// The applicant sees its own application; another admin does not.
	var page struct {
		Items []application `json:"items"`
		Total int           `json:"total"`
	}
	w.Agent1.C.Get(t, "/api/authorization-applications/list").Expect(t, 200).Decode(t, &page)
	if page.Total != 1 || page.Items[0].ID != a.ID {
		t.Fatalf("the applicant's list %+v", page)
	}
	w.Boss2.C.Get(t, "/api/authorization-applications/list?status=pending").Expect(t, 200).Decode(t, &page)
	for _, it := range page.Items {
		if it.ID == a.ID {
			t.Fatal("another agent-admin sees the application")
		}
	}
	w.Boss.C.Get(t, "/api/authorization-applications/list?status=pending").Expect(t, 200).Decode(t, &page)
	if page.Total != 1 {
		t.Fatalf("the approver's queue %+v", page)
	}

	var approved application
	w.Boss.C.Put(t, approvePath, map[string]any{}).Expect(t, 200).Decode(t, &approved)
	if approved.Status != "approved" || approved.DecidedBy != w.Boss.ID || approved.AuthorizationID == 0 ||
		approved.Authorization.Source != "application" || approved.Authorization.ApplicationID != a.ID ||
		approved.Authorization.AgentID != w.Agent1.ID || approved.Authorization.Status != "active" {
		t.Fatalf("approved %+v", approved)
	}
	if got := notices(t, w.Agent1.C, "authorization.changed", approved.AuthorizationID); len(got) != 1 {
		t.Fatalf("the applicant got %d approval notices", len(got))
	}
	expectError(t, w.Boss.C.Put(t, approvePath, map[string]any{}), 409, "INVALID_STATE")
	expectError(t, w.Agent1.C.Post(t, "/api/authorization-applications", map[string]any{"projectId": p, "reason": "more"}),
		409, "AUTHORIZATION_EXISTS")

	// Rejected with a reason the applicant reads.
	b := apply(w.Agent2, "me too")
	var rejected application
	w.Boss.C.Put(t, path("/api/authorization-applications/%d/reject", b.ID), map[string]any{"reason": "not this quarter"}).
		Expect(t, 200).Decode(t, &rejected)
	if rejected.Status != "rejected" || rejected.Note != "not this quarter" || rejected.AuthorizationID != 0 {
		t.Fatalf("rejected %+v", rejected)
	}
	if got := notices(t, w.Agent2.C, "authorization.application", b.ID); len(got) != 1 {
		t.Fatalf("the applicant got %d rejection notices", len(got))
	}
	expectError(t, w.Boss.C.Put(t, path("/api/authorization-applications/%d/approve", b.ID), map[string]any{}), 409, "INVALID_STATE")
	apply(w.Agent2, "and now?") // a rejected application frees the pair for a new one

	// An agent-admin applies to the super-admin, who decides; it cannot decide its own.
	q := newProject(t, w.Admin.C)
	mine := &application{}
	w.Boss2.C.Post(t, "/api/authorization-applications", map[string]any{"projectId": q, "reason": "resell"}).
		Expect(t, 200).Decode(t, mine)
	if mine.ApproverID != w.Admin.ID {
		t.Fatalf("an agent-admin's approver is %d, want the super-admin", mine.ApproverID)
	}
	expectError(t, w.Boss2.C.Put(t, path("/api/authorization-applications/%d/approve", mine.ID), map[string]any{}), 403, "FORBIDDEN")
	w.Admin.C.Put(t, path("/api/authorization-applications/%d/approve", mine.ID), map[string]any{}).Expect(t, 200)

	// The super-admin never applies; a disabled project takes no applications.
	expectError(t, w.Admin.C.Post(t, "/api/authorization-applications", map[string]any{"projectId": q, "reason": "x"}),
		400, "AUTHORIZATION_GRANTEE_INVALID")
	w.Admin.C.Put(t, path("/api/projects/%d/status", q), map[string]any{"status": "disabled"}).Expect(t, 200)
	expectError(t, w.Other.C.Post(t, "/api/authorization-applications", map[string]any{"projectId": q, "reason": "x"}), 404, "NOT_FOUND")
}

// TestApproveNeedsTheApproversOwnAuthorization: an agent-admin approves only what it could
// grant.
func TestApproveNeedsTheApproversOwnAuthorization(t *testing.T) {
	w := newWorld(t)
	p := newProject(t, w.Admin.C)
	var a application
	w.Agent1.C.Post(t, "/api/authorization-applications", map[string]any{"projectId": p, "reason": "x"}).Expect(t, 200).Decode(t, &a)
	expectError(t, w.Boss.C.Put(t, path("/api/authorization-applications/%d/approve", a.ID), map[string]any{}), 403, "PROJECT_NOT_AUTHORIZED")
	// The super-admin can, over the agent-admin's head.
	w.Admin.C.Put(t, path("/api/authorization-applications/%d/approve", a.ID), map[string]any{}).Expect(t, 200)
}
