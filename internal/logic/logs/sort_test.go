package logs_test

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

// Both logs follow the one list contract (internal/listq), the same as every other list:
// sortBy=username is A to Z on its own here as on users, and an unknown field is
// SORT_FIELD_INVALID, localized.
func TestLogListsSortContract(t *testing.T) {
	admin := testkit.Current().Admin(t)
	ctx := context.Background()
	tag := testkit.UniqueName("s")
	base := time.Now().UTC().Add(-3 * time.Hour).Truncate(time.Second)
	// Each field's order differs from the id order (the insertion order).
	seeds := []struct {
		name    string
		at      time.Duration
		status  int
		latency int
		ip      string
		result  int
	}{
		{"c", 20 * time.Minute, 404, 7, "10.0.0.3", 0},
		{"a", 40 * time.Minute, 200, 30, "10.0.0.1", 1},
		{"d", 10 * time.Minute, 500, 2, "10.0.0.4", 0},
		{"b", 30 * time.Minute, 201, 15, "10.0.0.2", 1},
	}
	for _, s := range seeds {
		at := gtime.NewFromTime(base.Add(s.at))
		_, err := dao.OperationLogs.Ctx(ctx).Data(do.OperationLogs{
			Username: tag + s.name, Module: tag, Route: "/api/" + tag, Method: "POST", Path: "/api/" + tag,
			Status: s.status, LatencyMs: s.latency, CreatedAt: at,
		}).Insert()
		if err != nil {
			t.Fatal(err)
		}
		_, err = dao.LoginLogs.Ctx(ctx).Data(do.LoginLogs{
			Username: tag + s.name, Ip: s.ip, UserAgent: "test", Result: s.result, CreatedAt: at,
		}).Insert()
		if err != nil {
			t.Fatal(err)
		}
	}
	lists := []listqtest.List{
		{Path: "/api/system/log/operation/list?module=" + tag, Fields: map[string]listqtest.Order{
			"id": listqtest.Desc, "createdAt": listqtest.Desc, "status": listqtest.Desc,
			"latencyMs": listqtest.Desc, "username": listqtest.Asc, "module": listqtest.Asc,
		}},
		{Path: "/api/system/log/login/list?username=" + tag, Fields: map[string]listqtest.Order{
			"id": listqtest.Desc, "createdAt": listqtest.Desc, "username": listqtest.Asc,
			"ip": listqtest.Asc, "result": listqtest.Desc,
		}},
	}
	for _, l := range lists {
		t.Run(l.Path, func(t *testing.T) { listqtest.Check(t, admin, l) })
	}
}
