package testkit

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

// JobRun is a row of GET /api/system/job/runs.
type JobRun struct {
	ID          int64  `json:"id"`
	Job         string `json:"job"`
	Node        string `json:"node"`
	Trigger     string `json:"trigger"`
	TriggeredBy int64  `json:"triggeredBy"`
	Status      string `json:"status"`
	Items       int64  `json:"items"`
	Error       string `json:"error"`
	StartedAt   string `json:"startedAt"`
	FinishedAt  string `json:"finishedAt"`
	DurationMs  int64  `json:"durationMs"`
}

// RunJob starts a job through the API (the caller must be allowed to) and waits until the run
// has finished, returning its row. A scheduled run of the same job may hold it (moving a shared
// test clock makes schedules fall due): the manual run then starts once that one is over.
func (c *Client) RunJob(t testing.TB, name string) JobRun {
	t.Helper()
	var started struct {
		RunID int64 `json:"runId"`
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		r := c.Post(t, "/api/system/job/"+name+"/run", nil)
		if r.Status == http.StatusOK {
			r.Decode(t, &started)
			return c.WaitRun(t, name, started.RunID, 60*time.Second)
		}
		if r.ErrorCode() != "JOB_RUNNING" || time.Now().After(deadline) {
			t.Fatalf("run %s: HTTP %d %s", name, r.Status, r.Raw)
		}
		time.Sleep(50 * time.Millisecond) // the scheduled run holding the job finishes in milliseconds
	}
}

// WaitRun polls the run history until run id of job is no longer running.
func (c *Client) WaitRun(t testing.TB, name string, id int64, timeout time.Duration) JobRun {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		var page struct {
			Items []JobRun `json:"items"`
		}
		c.Get(t, fmt.Sprintf("/api/system/job/runs?name=%s&pageSize=100", name)).Expect(t, http.StatusOK).Decode(t, &page)
		for _, r := range page.Items {
			if r.ID == id && r.Status != "running" {
				return r
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("run %d of %s did not finish within %s", id, name, timeout)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
