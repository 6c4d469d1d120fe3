package backup_test

import (
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kami/internal/config"
	"kami/internal/consts"
	"kami/internal/testkit"
)

type item struct {
	ID         int64   `json:"id"`
	File       string  `json:"file"`
	Size       int64   `json:"size"`
	SHA256     string  `json:"sha256"`
	Tables     int     `json:"tables"`
	Status     string  `json:"status"`
	Error      string  `json:"error"`
	VerifiedAt *string `json:"verifiedAt"`
}

func useBackups(t *testing.T, key string) string {
	dir := t.TempDir()
	testkit.SetConfig(t, func(c *config.Config) { c.Backup.Key, c.Backup.Dir = key, dir })
	return dir
}

// The super-admin takes a backup on demand: written, read back, listed as verified with its
// size and checksum, and noted in the system log; every other role is refused.
func TestBackupOnDemand(t *testing.T) {
	env := testkit.Current()
	dir := useBackups(t, hex.EncodeToString(make([]byte, 32)))
	admin := env.Admin(t)
	var b item
	admin.Post(t, "/api/system/backups", nil).Expect(t, http.StatusOK).Decode(t, &b)
	if b.Status != "verified" || b.VerifiedAt == nil || b.Tables < 30 || len(b.SHA256) != 64 {
		t.Fatalf("backup: %+v", b)
	}
	st, err := os.Stat(filepath.Join(dir, b.File))
	if err != nil || st.Size() != b.Size || st.Mode().Perm() != 0o600 {
		t.Fatalf("file: %v %v", st, err)
	}
	var list struct {
		Items []item `json:"items"`
	}
	admin.Get(t, "/api/system/backups/list").Expect(t, http.StatusOK).Decode(t, &list)
	if len(list.Items) == 0 || list.Items[0].ID != b.ID {
		t.Fatalf("list: %+v", list)
	}
	// Noted in the system log (written in batches: wait for it).
	deadline := time.Now().Add(30 * time.Second)
	for {
		r := admin.Get(t, "/api/system/log/system/list?module=backup&level=info").Expect(t, http.StatusOK)
		if strings.Contains(string(r.Raw), b.File) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no system log entry for %s: %s", b.File, r.Raw)
		}
		time.Sleep(100 * time.Millisecond)
	}

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
		t.Run(c.name, func(t *testing.T) {
			c.client.Post(t, "/api/system/backups", nil).Expect(t, c.want)
			c.client.Get(t, "/api/system/backups/list").Expect(t, c.want)
		})
	}
}

// Without a usable key nothing is written: the call answers BACKUP_FAILED and the list keeps a
// failed record saying why.
func TestBackupWithoutKeyFails(t *testing.T) {
	dir := useBackups(t, "")
	admin := testkit.Current().Admin(t)
	r := admin.Post(t, "/api/system/backups", nil).Expect(t, http.StatusInternalServerError)
	if r.ErrorCode() != "BACKUP_FAILED" {
		t.Fatalf("answer: %s", r.Raw)
	}
	var list struct {
		Items []item `json:"items"`
	}
	admin.Get(t, "/api/system/backups/list").Expect(t, http.StatusOK).Decode(t, &list)
	if len(list.Items) == 0 || list.Items[0].Status != "failed" || !strings.Contains(list.Items[0].Error, "key") {
		t.Fatalf("list: %+v", list.Items)
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Fatalf("files written: %v", files)
	}
}
