package logs_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gctx"

	"kami/internal/consts"
	"kami/internal/testkit"
)

type sysItem struct {
	ID      int64  `json:"id"`
	Level   string `json:"level"`
	Module  string `json:"module"`
	Message string `json:"message"`
	TraceID string `json:"traceId"`
	Node    string `json:"node"`
}

type sysPage struct {
	Items []sysItem `json:"items"`
	Total int       `json:"total"`
}

// Warnings and errors logged anywhere in the process reach the system log (level, module from
// the message's prefix, trace id, node); information does not. The super-admin lists them with
// filters and exports them; nobody else may.
func TestSystemLogCapturesWarningsAndErrors(t *testing.T) {
	env := testkit.Current()
	admin := env.Admin(t)
	module := strings.ToLower(testkit.UniqueName("systest"))
	ctx := gctx.New()
	trace := gctx.CtxId(ctx)
	g.Log().Info(ctx, module+": an information line")
	g.Log().Warning(ctx, module+": the disk is 90% full")
	g.Log().Errorf(ctx, "%s: the backup failed: %s", module, "no space left")

	var page sysPage
	deadline := time.Now().Add(30 * time.Second)
	for {
		admin.Get(t, "/api/system/log/system/list?module="+module+"&sortBy=id&sortOrder=asc").Expect(t, http.StatusOK).Decode(t, &page)
		if page.Total >= 2 || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if page.Total != 2 {
		t.Fatalf("system log rows of %s: %+v", module, page)
	}
	warn, fail := page.Items[0], page.Items[1]
	if warn.Level != "warning" || fail.Level != "error" || !strings.Contains(fail.Message, "no space left") {
		t.Fatalf("rows: %+v", page.Items)
	}
	if warn.TraceID != trace || warn.Node != testkit.Config().NodeID {
		t.Fatalf("trace %q node %q, want %q %q", warn.TraceID, warn.Node, trace, testkit.Config().NodeID)
	}

	cases := []struct {
		name, query string
		want        int
		total       int
	}{
		{"level filter", "level=error&module=" + module, http.StatusOK, 1},
		{"time filter in the future", "module=" + module + "&from=" + time.Now().Add(time.Hour).UTC().Format(time.RFC3339), http.StatusOK, 0},
		{"unknown level", "level=debug", http.StatusBadRequest, 0},
		{"bad time", "from=yesterday", http.StatusBadRequest, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := admin.Get(t, "/api/system/log/system/list?"+c.query).Expect(t, c.want)
			if c.want == http.StatusOK {
				var p sysPage
				r.Decode(t, &p)
				if p.Total != c.total {
					t.Fatalf("total %d, want %d", p.Total, c.total)
				}
			}
		})
	}

	rows := openXLSX(t, admin.Get(t, "/api/system/log/system/export?module="+module))
	if len(rows) != 3 || !strings.Contains(strings.Join(rows[1], " "), "no space left") {
		t.Fatalf("export rows: %q", rows)
	}

	// Only the super-admin: an agent-admin and an agent are refused, an anonymous caller is 401.
	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	for _, c := range []struct {
		name   string
		client *testkit.Client
		want   int
	}{
		{"agent-admin", env.Login(t, boss), http.StatusForbidden},
		{"agent", env.Login(t, testkit.SeedUser(t, consts.RoleAgent, boss)), http.StatusForbidden},
		{"anonymous", env.Client(), http.StatusUnauthorized},
	} {
		c.client.Get(t, "/api/system/log/system/list").Expect(t, c.want)
		c.client.Get(t, "/api/system/log/system/export").Expect(t, c.want)
	}
}
