package job_test

import (
	"context"
	"net/http"
	"testing"

	"kami/internal/config"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/testkit"
)

type jobItem struct {
	ID              string          `json:"id"`
	Name            string          `json:"name"`
	Schedule        string          `json:"schedule"`
	DefaultSchedule string          `json:"defaultSchedule"`
	Enabled         bool            `json:"enabled"`
	Running         bool            `json:"running"`
	LastRun         *testkit.JobRun `json:"lastRun"`
}

func TestListShowsRegisteredJobs(t *testing.T) {
	admin := testkit.Current().Admin(t)
	var page struct {
		Items []jobItem `json:"items"`
		Total int       `json:"total"`
	}
	admin.Get(t, "/api/system/job/list").Expect(t, http.StatusOK).Decode(t, &page)
	byName := map[string]jobItem{}
	for _, it := range page.Items {
		byName[it.Name] = it
	}
	for _, name := range []string{"log.retention", "auth.purge", "test.tick", "test.slow"} {
		it, ok := byName[name]
		if !ok {
			t.Errorf("%s missing from the list", name)
			continue
		}
		if it.ID != name || it.Schedule == "" || it.DefaultSchedule == "" {
			t.Errorf("%s: incomplete item %+v", name, it)
		}
	}
	if !byName["log.retention"].Enabled || byName["test.off"].Enabled {
		t.Error("production jobs start enabled, test jobs disabled")
	}
	if page.Total != len(page.Items) {
		t.Errorf("total %d, items %d", page.Total, len(page.Items))
	}
}

// Run now answers at once with the run id, refuses a second run while the first holds the
// job's lock, and the run row records a manual run on this node by the admin.
func TestRunNow(t *testing.T) {
	admin := testkit.Current().Admin(t)
	var started struct {
		RunID int64 `json:"runId"`
	}
	admin.Post(t, "/api/system/job/test.slow/run", nil).Expect(t, http.StatusOK).Decode(t, &started)
	if started.RunID == 0 {
		t.Fatal("no run id")
	}
	again := admin.Post(t, "/api/system/job/test.slow/run", nil).Expect(t, http.StatusConflict)
	if again.ErrorCode() != "JOB_RUNNING" {
		t.Errorf("second run: error %q, want JOB_RUNNING", again.ErrorCode())
	}
	var list struct {
		Items []jobItem `json:"items"`
	}
	admin.Get(t, "/api/system/job/list").Expect(t, http.StatusOK).Decode(t, &list)
	for _, it := range list.Items {
		if it.Name == "test.slow" && !it.Running {
			t.Error("list does not show test.slow running")
		}
	}
	run := admin.WaitRun(t, "test.slow", started.RunID, 30e9)
	want := testkit.JobRun{ID: started.RunID, Job: "test.slow", Node: config.Get().NodeID, Trigger: "manual",
		TriggeredBy: testkit.SuperAdmin(t).ID, Status: "success", Items: 3}
	if run.ID != want.ID || run.Job != want.Job || run.Node != want.Node || run.Trigger != want.Trigger ||
		run.TriggeredBy != want.TriggeredBy || run.Status != want.Status || run.Items != want.Items {
		t.Errorf("run = %+v, want %+v", run, want)
	}
	if run.DurationMs < 1400 || run.StartedAt == "" || run.FinishedAt == "" {
		t.Errorf("run timing: %+v", run)
	}
	// Finished: it may run again.
	second := admin.RunJob(t, "test.slow")
	if second.Status != "success" {
		t.Errorf("second run: %+v", second)
	}
}

func TestFailedRunsAreRecorded(t *testing.T) {
	admin := testkit.Current().Admin(t)
	tests := []struct {
		job, status, err string
		items            int64
	}{
		{"test.fail", "failed", "boom", 2},
		{"test.panic", "failed", "panic: kaboom", 0},
	}
	for _, tc := range tests {
		t.Run(tc.job, func(t *testing.T) {
			run := admin.RunJob(t, tc.job)
			if run.Status != tc.status || run.Error != tc.err || run.Items != tc.items {
				t.Errorf("run = %+v, want status %s error %q items %d", run, tc.status, tc.err, tc.items)
			}
		})
	}
}

func TestUpdateSchedule(t *testing.T) {
	admin := testkit.Current().Admin(t)
	t.Cleanup(func() {
		admin.Put(t, "/api/system/job/test.fail", map[string]any{"schedule": "@every 1h", "enabled": false})
	})
	tests := []struct {
		name   string
		job    string
		body   map[string]any
		status int
		code   string
	}{
		{"interval", "test.fail", map[string]any{"schedule": "@every 10s"}, 200, ""},
		{"cron", "test.fail", map[string]any{"schedule": "0 */5 * * * *"}, 200, ""},
		{"predefined", "test.fail", map[string]any{"schedule": "@daily"}, 200, ""},
		{"words", "test.fail", map[string]any{"schedule": "every second"}, 400, "SCHEDULE_INVALID"},
		{"sub-second", "test.fail", map[string]any{"schedule": "@every 500ms"}, 400, "SCHEDULE_INVALID"},
		{"five fields", "test.fail", map[string]any{"schedule": "*/5 * * * *"}, 400, "SCHEDULE_INVALID"},
		{"out of range", "test.fail", map[string]any{"schedule": "0 0 24 * * *"}, 400, "SCHEDULE_INVALID"},
		{"empty", "test.fail", map[string]any{"schedule": ""}, 400, "SCHEDULE_INVALID"},
		{"too long", "test.fail", map[string]any{"schedule": "@every " + string(make([]byte, 70))}, 400, "INVALID_INPUT"},
		{"unknown job", "no.such.job", map[string]any{"enabled": true}, 404, "NOT_FOUND"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := admin.Put(t, "/api/system/job/"+tc.job, tc.body).Expect(t, tc.status)
			if r.ErrorCode() != tc.code {
				t.Errorf("error %q, want %q", r.ErrorCode(), tc.code)
			}
			if tc.status == 200 {
				var it jobItem
				r.Decode(t, &it)
				if it.Schedule != tc.body["schedule"] {
					t.Errorf("schedule %q, want %q", it.Schedule, tc.body["schedule"])
				}
			}
		})
	}
	t.Run("run now of an unknown job", func(t *testing.T) {
		admin.Post(t, "/api/system/job/no.such.job/run", nil).Expect(t, http.StatusNotFound)
	})
}

// Only the super-admin manages jobs.
func TestJobRoutesNeedSuperAdmin(t *testing.T) {
	env := testkit.Current()
	agentAdmin := env.Login(t, testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t)))
	anonymous := env.Client()
	calls := []struct {
		method, path string
		body         any
	}{
		{http.MethodGet, "/api/system/job/list", nil},
		{http.MethodGet, "/api/system/job/runs", nil},
		{http.MethodPut, "/api/system/job/test.tick", map[string]any{"enabled": true}},
		{http.MethodPost, "/api/system/job/test.tick/run", nil},
	}
	for _, c := range calls {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			agentAdmin.Do(t, c.method, c.path, c.body).Expect(t, http.StatusForbidden)
			anonymous.Do(t, c.method, c.path, c.body).Expect(t, http.StatusUnauthorized)
		})
	}
	enabled, err := dao.Jobs.Ctx(context.Background()).WherePri("test.tick").Value("enabled")
	if err != nil || enabled.Int() != 0 {
		t.Errorf("a refused PUT changed the job: enabled=%v err=%v", enabled, err)
	}
}

// The same change twice in a row answers 200 both times: MySQL reports no affected row for an
// UPDATE that changes nothing (updated_at has second precision), which once read as 404.
func TestRepeatedUpdateIsNotNotFound(t *testing.T) {
	admin := testkit.Current().Admin(t)
	for i := 0; i < 3; i++ {
		admin.Put(t, "/api/system/job/test.off", map[string]any{"enabled": false}).Expect(t, http.StatusOK)
	}
	admin.Put(t, "/api/system/job/no.such.job", map[string]any{"enabled": false}).Expect(t, http.StatusNotFound)
}
