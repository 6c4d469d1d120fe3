package backup_test

import (
	"context"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/consts"
	"kami/internal/infra/db"
	"kami/internal/testkit"
)

// The restore of production: one super-admin asks, the same one may not approve, another
// does; the approval turns maintenance mode on and loads the backup into the empty target,
// which then holds the backup's users; a second approval and other roles are refused.
func TestRestoreNeedsASecondSuperAdmin(t *testing.T) {
	env := testkit.Current()
	useBackups(t, hex.EncodeToString(make([]byte, 32)))
	t.Cleanup(func() {
		env.Admin(t).Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"maintenance.enabled": nil}}).Expect(t, http.StatusOK)
	})
	root := testkit.SuperAdmin(t)
	asker := env.Login(t, root)
	other := env.Login(t, testkit.SeedUser(t, consts.RoleSuperAdmin, root))
	boss := env.Login(t, testkit.SeedUser(t, consts.RoleAgentAdmin, root))

	var b item
	asker.Post(t, "/api/system/backups", nil).Expect(t, http.StatusOK).Decode(t, &b)
	target, link := restoreTarget(t)
	path := fmt.Sprintf("/api/system/backups/%d/restore", b.ID)
	cases := []struct {
		name   string
		client *testkit.Client
		path   string
		body   map[string]any
		want   int
	}{
		{"agent-admin may not ask", boss, path, map[string]any{"target": link, "reason": "drill"}, http.StatusForbidden},
		{"no reason", asker, path, map[string]any{"target": link}, http.StatusBadRequest},
		{"target of the other dialect", asker, path, map[string]any{"target": "postgres://x", "reason": "drill"}, http.StatusBadRequest},
		{"unknown backup", asker, "/api/system/backups/999999/restore", map[string]any{"target": link, "reason": "drill"}, http.StatusNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.client.Post(t, c.path, c.body).Expect(t, c.want) })
	}
	var req struct {
		ID     int64  `json:"id"`
		Status string `json:"status"`
		Error  string `json:"error"`
	}
	asker.Post(t, path, map[string]any{"target": link, "reason": "drill"}).Expect(t, http.StatusOK).Decode(t, &req)
	approve := fmt.Sprintf("/api/system/restore-requests/%d/approve", req.ID)
	if r := asker.Post(t, approve, nil).Expect(t, http.StatusForbidden); r.ErrorCode() != "RESTORE_SELF_APPROVAL" {
		t.Fatalf("self approval: %s", r.Raw)
	}
	boss.Post(t, approve, nil).Expect(t, http.StatusForbidden)
	other.Post(t, approve, nil).Expect(t, http.StatusOK).Decode(t, &req)
	if req.Status != "done" {
		t.Fatalf("restore: %+v", req)
	}
	var st struct {
		Enabled bool `json:"enabled"`
	}
	other.Get(t, "/api/system/maintenance").Expect(t, http.StatusOK).Decode(t, &st)
	if !st.Enabled {
		t.Fatal("the restore did not turn maintenance mode on")
	}
	if r := other.Post(t, approve, nil).Expect(t, http.StatusConflict); r.ErrorCode() != "RESTORE_NOT_PENDING" {
		t.Fatalf("second approval: %s", r.Raw)
	}
	n, err := target.Model("users").Count()
	if err != nil || n < 4 {
		t.Fatalf("restored users: %d (%v)", n, err)
	}
}

// restoreTarget is an empty database of the running dialect and its link.
func restoreTarget(t *testing.T) (gdb.DB, string) {
	t.Helper()
	if db.Dialect() == "mysql" {
		link, drop, err := testkit.FreshDatabase(context.Background(), os.Getenv("KAMI_TEST_MYSQL"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(drop)
		target, err := gdb.New(gdb.ConfigNode{Link: link})
		if err != nil {
			t.Fatal(err)
		}
		return target, link
	}
	file := filepath.Join(t.TempDir(), "restored.db")
	target, err := gdb.New(gdb.ConfigNode{Type: "sqlite", Name: file})
	if err != nil {
		t.Fatal(err)
	}
	return target, "sqlite::@file(" + file + ")"
}
