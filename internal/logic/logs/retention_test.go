package logs_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"kami/internal/dao"
	"kami/internal/testkit"
	"kami/utility/archive"
)

// The retention job moves rows older than the retention (90 days by default) into archive files
// under the data dir and deletes them; newer rows stay; the archives read back the same rows.
func TestRetentionArchivesOldRows(t *testing.T) {
	tr := newTree(t)
	env := testkit.Current()
	admin := env.Admin(t)
	module := testkit.UniqueName("m")
	now := time.Now()
	old, recent := now.Add(-100*24*time.Hour), now.Add(-80*24*time.Hour)
	oldOps := map[int64]bool{}
	for i := 0; i < 5; i++ {
		oldOps[addOp(t, tr.adminA, module, "POST", 200, old.Add(time.Duration(i)*time.Minute))] = true
	}
	keptOp := addOp(t, tr.adminA, module, "POST", 200, recent)
	oldLogins := map[int64]bool{addLogin(t, tr.adminA.ID, module, 1, old): true, addLogin(t, 0, module, 0, old): true}
	keptLogin := addLogin(t, tr.adminA.ID, module, 1, recent)

	run := admin.RunJob(t, "log.retention")
	if run.Status != "success" || run.Items < int64(len(oldOps)+len(oldLogins)) {
		t.Fatalf("retention run %+v", run)
	}

	ctx := context.Background()
	var leftOps, leftLogins []int64
	if vals, err := dao.OperationLogs.Ctx(ctx).Where("module", module).Array("id"); err == nil {
		for _, v := range vals {
			leftOps = append(leftOps, v.Int64())
		}
	} else {
		t.Fatal(err)
	}
	if vals, err := dao.LoginLogs.Ctx(ctx).Where("username", module).Array("id"); err == nil {
		for _, v := range vals {
			leftLogins = append(leftLogins, v.Int64())
		}
	} else {
		t.Fatal(err)
	}
	if len(leftOps) != 1 || leftOps[0] != keptOp || len(leftLogins) != 1 || leftLogins[0] != keptLogin {
		t.Errorf("left in tables: ops %v logins %v; want only %d and %d", leftOps, leftLogins, keptOp, keptLogin)
	}

	// Every archived row is found in exactly one archive, with its columns intact.
	archived := map[string]map[string]any{}
	files, err := filepath.Glob(filepath.Join(env.DataDir, "archive", "*"+archive.Ext))
	if err != nil || len(files) == 0 {
		t.Fatalf("no archives in %s (%v)", filepath.Join(env.DataDir, "archive"), err)
	}
	for _, f := range files {
		rows, err := archive.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		table := strings.SplitN(filepath.Base(f), "-", 2)[0]
		for _, r := range rows {
			key := table + ":" + fmt.Sprint(r["id"])
			if archived[key] != nil {
				t.Errorf("%s archived twice", key)
			}
			archived[key] = r
		}
	}
	for id := range oldOps {
		r := archived["operation_logs:"+itoa(id)]
		if r == nil {
			t.Errorf("operation log %d not in any archive", id)
			continue
		}
		if r["module"] != module || r["username"] != tr.adminA.Username || r["request"] != `{"a":1}` || r["created_at"] == nil {
			t.Errorf("operation log %d archived as %v", id, r)
		}
	}
	for id := range oldLogins {
		if r := archived["login_logs:"+itoa(id)]; r == nil || r["username"] != module {
			t.Errorf("login log %d archived as %v", id, r)
		}
	}
	if archived["operation_logs:"+itoa(keptOp)] != nil || archived["login_logs:"+itoa(keptLogin)] != nil {
		t.Error("a recent row was archived")
	}

	// Nothing old is left, so a second run archives nothing and writes no file.
	again := admin.RunJob(t, "log.retention")
	after, _ := filepath.Glob(filepath.Join(env.DataDir, "archive", "*"+archive.Ext))
	if again.Status != "success" || again.Items != 0 || len(after) != len(files) {
		t.Errorf("second run %+v, files %d -> %d", again, len(files), len(after))
	}
	if _, err := os.Stat(filepath.Join(env.DataDir, "archive")); err != nil {
		t.Fatal(err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
