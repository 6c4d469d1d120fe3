package logs_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"kami/internal/config"
	"kami/internal/testkit"
)

// openXLSX checks the download headers and returns the sheet's rows.
func openXLSX(t *testing.T, r *testkit.Resp) [][]string { return testkit.XLSXRows(t, r) }

// The export holds the whole filtered set (more rows than one export batch and than one page),
// one row per log row plus a header, scoped and filtered exactly like the list.
func TestExport(t *testing.T) {
	tr := newTree(t)
	admin := testkit.Current().Admin(t)
	module := testkit.UniqueName("m")
	now := time.Now()
	const n = 1203 // more than one keyset batch of 1000
	for i := 0; i < n; i++ {
		u := tr.adminA
		if i%3 == 0 {
			u = tr.agentA
		}
		addOp(t, u, module, "POST", 200+i%2*300, now)
	}
	tag := testkit.UniqueName("l")
	for i := 0; i < 7; i++ {
		addLogin(t, tr.adminB.ID, tag, i%2, now)
	}
	tests := []struct {
		name, path string
		total      int
		firstCol   string
	}{
		{"operation log", "/api/system/log/operation/export?module=" + module, n, "ID"},
		{"operation log, filtered", "/api/system/log/operation/export?result=0&module=" + module, n / 2, "ID"},
		{"operation log, one user", fmt.Sprintf("/api/system/log/operation/export?userId=%d&module=%s", tr.agentA.ID, module), (n + 2) / 3, "ID"},
		{"login log", "/api/system/log/login/export?username=" + tag, 7, "ID"},
		{"nothing matches", "/api/system/log/login/export?username=" + tag + "-none", 0, "ID"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			admin.Lang = "en"
			rows := openXLSX(t, admin.Get(t, tc.path))
			if len(rows) != tc.total+1 {
				t.Fatalf("%d rows, want %d + header", len(rows), tc.total)
			}
			if rows[0][0] != tc.firstCol || rows[0][1] != "Time" {
				t.Errorf("header %v", rows[0])
			}
			seen := map[string]bool{}
			for _, row := range rows[1:] {
				if seen[row[0]] {
					t.Fatalf("id %s exported twice", row[0])
				}
				seen[row[0]] = true
			}
		})
	}
	t.Run("header follows the language", func(t *testing.T) {
		admin.Lang = "zh-CN"
		rows := openXLSX(t, admin.Get(t, "/api/system/log/login/export?username="+tag))
		if rows[0][1] != "时间" {
			t.Errorf("zh-CN header %v", rows[0])
		}
	})
	t.Run("over the cap is refused, not cut", func(t *testing.T) {
		cfg := *config.Get()
		cfg.ExportMaxRows = 100
		old := config.Get()
		config.Set(&cfg)
		t.Cleanup(func() { config.Set(old) })
		r := admin.Get(t, "/api/system/log/operation/export?module="+module).Expect(t, http.StatusBadRequest)
		if r.ErrorCode() != "EXPORT_TOO_LARGE" {
			t.Errorf("error %q", r.ErrorCode())
		}
	})
}
