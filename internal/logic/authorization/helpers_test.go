package authorization_test

import (
	"fmt"
	"kami/internal/config"
	"net/http"
	"testing"
	"time"

	"kami/internal/consts"
	"kami/internal/testkit"
)

// member is a seeded, logged-in user.
type member struct {
	testkit.SeededUser
	C *testkit.Client
}

// world is two agent-admins with their agents and the super-admin.
type world struct {
	Admin                member
	Boss, Agent1, Agent2 member // Boss's family
	Boss2, Other         member // another agent-admin and its agent
}

func login(t *testing.T, u testkit.SeededUser) member {
	t.Helper()
	return member{SeededUser: u, C: testkit.Current().Login(t, u)}
}

func newWorld(t *testing.T) world {
	t.Helper()
	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	boss2 := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	return world{
		Admin: login(t, root), Boss: login(t, boss),
		Agent1: login(t, testkit.SeedUser(t, consts.RoleAgent, boss)),
		Agent2: login(t, testkit.SeedUser(t, consts.RoleAgent, boss)),
		Boss2:  login(t, boss2), Other: login(t, testkit.SeedUser(t, consts.RoleAgent, boss2)),
	}
}

// newProject creates an active project through the API and answers its id.
func newProject(t *testing.T, admin *testkit.Client) int64 {
	t.Helper()
	var p struct {
		ID int64 `json:"id"`
	}
	admin.Post(t, "/api/projects", map[string]any{
		"name":  testkit.UniqueName("p"),
		"plans": []map[string]any{{"name": "month", "durationSeconds": 2592000, "price": 100, "maxDevices": 1}},
	}).Expect(t, http.StatusOK).Decode(t, &p)
	return p.ID
}

type authorization struct {
	ID            int64   `json:"id"`
	ProjectID     int64   `json:"projectId"`
	ProjectName   string  `json:"projectName"`
	AgentID       int64   `json:"agentId"`
	AgentName     string  `json:"agentName"`
	GrantedBy     int64   `json:"grantedBy"`
	Source        string  `json:"source"`
	ApplicationID int64   `json:"applicationId"`
	Status        string  `json:"status"`
	ExpiresAt     *string `json:"expiresAt"`
	EndedAt       *string `json:"endedAt"`
}

type application struct {
	ID              int64         `json:"id"`
	ProjectID       int64         `json:"projectId"`
	ApplicantID     int64         `json:"applicantId"`
	ApproverID      int64         `json:"approverId"`
	Reason          string        `json:"reason"`
	Status          string        `json:"status"`
	Note            string        `json:"note"`
	DecidedBy       int64         `json:"decidedBy"`
	AuthorizationID int64         `json:"authorizationId"`
	Authorization   authorization `json:"authorization"`
}

func grant(t *testing.T, by *testkit.Client, projectID, agentID int64, expiresAt string) *testkit.Resp {
	t.Helper()
	b := map[string]any{"projectId": projectID, "agentId": agentID}
	if expiresAt != "" {
		b["expiresAt"] = expiresAt
	}
	return by.Post(t, "/api/authorizations", b)
}

func granted(t *testing.T, by *testkit.Client, projectID, agentID int64, expiresAt string) authorization {
	t.Helper()
	var a authorization
	grant(t, by, projectID, agentID, expiresAt).Expect(t, http.StatusOK).Decode(t, &a)
	return a
}

func expectError(t *testing.T, r *testkit.Resp, status int, reason string) {
	t.Helper()
	if r.Status != status || r.ErrorCode() != reason {
		t.Fatalf("HTTP %d %s, want %d %s: %s", r.Status, r.ErrorCode(), status, reason, r.Raw)
	}
}

func rfc(t time.Time) string { return t.Format(time.RFC3339) }

func path(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// notice is an inbox row as GET /api/notifications/list shows it.
type notice struct {
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Ref   *struct {
		Type string `json:"type"`
		ID   int64  `json:"id"`
	} `json:"ref"`
}

// notices are the user's inbox rows of kind about ref id.
func notices(t *testing.T, c *testkit.Client, kind string, refID int64) []notice {
	t.Helper()
	var page struct {
		Items []notice `json:"items"`
	}
	c.Get(t, "/api/notifications/list?pageSize=100").Expect(t, http.StatusOK).Decode(t, &page)
	var out []notice
	for _, n := range page.Items {
		if n.Kind == kind && n.Ref != nil && n.Ref.ID == refID {
			out = append(out, n)
		}
	}
	return out
}

// freeze stops the shared clock at a whole second for the rest of the test.
func freeze(t *testing.T) time.Time {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Second)
	// The clock moves by hours or days here; the test's logins must outlive that.
	testkit.SetConfig(t, func(c *config.Config) {
		c.Auth.AccessTTL, c.Auth.RefreshTTL = 365*24*time.Hour, 365*24*time.Hour
	})
	testkit.SharedClock{}.Freeze(t, now)
	t.Cleanup(func() { testkit.SharedClock{}.Release(t) })
	return now
}

func sharedClock() testkit.SharedClock { return testkit.SharedClock{} }

// runExpiry runs the expiry job by hand and waits for that run. The schedule is switched off
// for the test, but a scheduled run that began as the shared clock moved may still hold the
// job: then the manual run waits for it to finish and starts again.
func runExpiry(t *testing.T, admin *testkit.Client) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		r := admin.Post(t, "/api/system/job/authorization.expire/run", nil)
		if r.Status == http.StatusOK {
			var started struct {
				RunID int64 `json:"runId"`
			}
			r.Decode(t, &started)
			if run := admin.WaitRun(t, "authorization.expire", started.RunID, 30*time.Second); run.Status != "success" {
				t.Fatalf("expiry run %+v", run)
			}
			return
		}
		if r.ErrorCode() != "JOB_RUNNING" || time.Now().After(deadline) {
			t.Fatalf("running the expiry job: HTTP %d %s", r.Status, r.Raw)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// pauseExpirySchedule keeps the scheduler from running the job while the test moves time.
func pauseExpirySchedule(t *testing.T, admin *testkit.Client) {
	t.Helper()
	admin.Put(t, "/api/system/job/authorization.expire", map[string]any{"enabled": false}).Expect(t, http.StatusOK)
	t.Cleanup(func() {
		admin.Put(t, "/api/system/job/authorization.expire", map[string]any{"enabled": true}).Expect(t, http.StatusOK)
	})
}
