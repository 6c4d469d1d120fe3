package job_test

import (
	"context"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/listq/listqtest"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

// The run history follows the one list contract (internal/listq): it used to ignore sortBy
// altogether, so a client asking for the slowest runs silently got the newest.
func TestRunsSortContract(t *testing.T) {
	admin := testkit.Current().Admin(t)
	name := testkit.UniqueName("test.sort.")
	base := time.Now().UTC().Add(-time.Hour).Truncate(time.Second)
	// Rows of one job whose start, duration and status orders each differ from the id order.
	seeds := []struct {
		status   string
		started  time.Duration
		duration int64
	}{
		{"success", 20 * time.Minute, 700},
		{"failed", 40 * time.Minute, 30},
		{"interrupted", 10 * time.Minute, 9000},
		{"success", 30 * time.Minute, 0},
	}
	for _, s := range seeds {
		_, err := dao.JobRuns.Ctx(context.Background()).Data(do.JobRuns{
			Job: name, Node: "test", TriggerType: "manual", Status: s.status,
			StartedAt: gtime.NewFromTime(base.Add(s.started)), DurationMs: s.duration,
		}).Insert()
		if err != nil {
			t.Fatal(err)
		}
	}
	listqtest.Check(t, admin, listqtest.List{
		Path: "/api/system/job/runs?name=" + name,
		Fields: map[string]listqtest.Order{
			"id": listqtest.Desc, "job": listqtest.Asc, "status": listqtest.Asc,
			"startedAt": listqtest.Desc, "durationMs": listqtest.Desc,
		},
	})
}
