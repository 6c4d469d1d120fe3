package apicalls_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"kami/internal/clock"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/logic/apicalls"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

var ctx = context.Background()

// newProject creates a project and answers its id.
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

// fakeClock gives the call log a clock showing at until the test ends.
func fakeClock(t *testing.T, at time.Time) *clock.Fake {
	t.Helper()
	c := clock.NewFake(at)
	service.ApiCalls().SetClock(c)
	t.Cleanup(func() { service.ApiCalls().SetClock(clock.System) })
	return c
}

// shanghai is the display zone of the tests (kami.timeZone's default).
func shanghai(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func flush(t *testing.T) {
	t.Helper()
	if err := service.ApiCalls().Flush(ctx); err != nil {
		t.Fatal(err)
	}
}

// drain runs the openapi.calls job through the API and answers its run.
func drain(t *testing.T, admin *testkit.Client) testkit.JobRun {
	t.Helper()
	return admin.RunJob(t, apicalls.CallsJob)
}

func mustDrain(t *testing.T, admin *testkit.Client) testkit.JobRun {
	t.Helper()
	r := drain(t, admin)
	if r.Status != "success" {
		t.Fatalf("drain: %+v", r)
	}
	return r
}

type callList struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Items []struct {
		Day      string `json:"day"`
		Endpoint string `json:"endpoint"`
		Result   string `json:"result"`
		Calls    int64  `json:"calls"`
	} `json:"items"`
	Totals []struct {
		Result string `json:"result"`
		Calls  int64  `json:"calls"`
	} `json:"totals"`
	Calls int64 `json:"calls"`
}

// byKey is the list as "day endpoint result" -> calls.
func (l callList) byKey() map[string]int64 {
	out := map[string]int64{}
	for _, it := range l.Items {
		out[it.Day+" "+it.Endpoint+" "+it.Result] = it.Calls
	}
	return out
}

func listCalls(t *testing.T, c *testkit.Client, project int64, query string) callList {
	t.Helper()
	var l callList
	c.Get(t, fmt.Sprintf("/api/projects/%d/calls/list?%s", project, query)).Expect(t, http.StatusOK).Decode(t, &l)
	return l
}

// tableCounts is what openapi_calls holds for a project, as "day endpoint result" -> calls,
// without the bookkeeping rows.
func tableCounts(t *testing.T, project int64) map[string]int64 {
	t.Helper()
	cols := dao.OpenapiCalls.Columns()
	var rows []entity.OpenapiCalls
	if err := dao.OpenapiCalls.Ctx(ctx).Where(cols.ProjectId, project).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, r := range rows {
		if r.Endpoint != apicalls.MarkerEndpoint {
			out[r.Day+" "+r.Endpoint+" "+r.Result] += r.Calls
		}
	}
	return out
}

func sameCounts(t *testing.T, what string, got, want map[string]int64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %v, want %v", what, got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Fatalf("%s: %s = %d, want %d (all: %v)", what, k, got[k], n, got)
		}
	}
}

// staff logs in the super-admin, an agent-admin and its agent.
func staff(t *testing.T) (admin, boss, agent *testkit.Client) {
	t.Helper()
	env := testkit.Current()
	root := testkit.SuperAdmin(t)
	b := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	a := testkit.SeedUser(t, consts.RoleAgent, b)
	return env.Login(t, root), env.Login(t, b), env.Login(t, a)
}

// pendingMembers are the members of project still in Redis.
func pendingMembers(t *testing.T, project int64) []string {
	t.Helper()
	all, err := apicalls.Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	prefix := fmt.Sprintf("%d:", project)
	for _, m := range all {
		if len(m) > len(prefix) && m[:len(prefix)] == prefix {
			out = append(out, m)
		}
	}
	return out
}
