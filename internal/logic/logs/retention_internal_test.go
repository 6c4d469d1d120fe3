package logs

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/retention"
	"kami/internal/service"
	"kami/utility/archive"
)

func oldLogin(t *testing.T, name string, at time.Time) int64 {
	t.Helper()
	id, err := dao.LoginLogs.Ctx(context.Background()).Data(do.LoginLogs{
		Username: name, Result: 0, CreatedAt: gtime.NewFromTime(at.UTC()),
	}).InsertAndGetId()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func archiveFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(service.Logs().(*sLogs).archiveDir(), "login_logs-*"+archive.Ext))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// A run interrupted after writing an archive but before deleting its rows is repaired by the
// next run: the rows are archived again in a file that replaces the stale one, so each row ends
// up in exactly one archive and in no table. Archives of committed chunks are never touched.
func TestArchiveTableResumesAfterInterruption(t *testing.T) {
	ctx := context.Background()
	table := dao.LoginLogs.Table()
	logins := retention.Table{Name: table, TimeCol: dao.LoginLogs.Columns().CreatedAt}
	cutoff := gtime.New(time.Now().Add(-90 * 24 * time.Hour))
	old := time.Now().Add(-100 * 24 * time.Hour)
	if _, err := archiveTable(ctx, service.Logs().(*sLogs).archiveDir(), logins, cutoff); err != nil { // start from no old rows
		t.Fatal(err)
	}
	saved := archiveChunk
	archiveChunk = 2
	t.Cleanup(func() { archiveChunk = saved })

	// A committed chunk from an earlier run.
	done := oldLogin(t, "done", old)
	if n, err := archiveTable(ctx, service.Logs().(*sLogs).archiveDir(), logins, cutoff); err != nil || n != 1 {
		t.Fatalf("first run: %d, %v", n, err)
	}
	committed := archiveFiles(t)

	// Five old rows, and the leftover of a run that wrote the first two but died before DELETE.
	var ids []int64
	for i := 0; i < 5; i++ {
		ids = append(ids, oldLogin(t, fmt.Sprintf("r%d", i), old))
	}
	stale := filepath.Join(service.Logs().(*sLogs).archiveDir(), fmt.Sprintf("%s-%012d-%012d%s", table, ids[0], ids[0], archive.Ext))
	if err := archive.Write(stale, []map[string]any{{"id": ids[0]}}); err != nil {
		t.Fatal(err)
	}

	n, err := archiveTable(ctx, service.Logs().(*sLogs).archiveDir(), logins, cutoff)
	if err != nil || n != 5 {
		t.Fatalf("resumed run: %d, %v", n, err)
	}
	if _, err = os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale archive still there: %v", err)
	}
	files := archiveFiles(t)
	if len(files) != len(committed)+3 { // 5 rows in chunks of 2
		t.Errorf("archives %v", files)
	}
	seen := map[string]int{}
	for _, f := range files {
		rows, err := archive.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			seen[fmt.Sprint(r["id"])]++
		}
	}
	for _, id := range append(ids, done) {
		if seen[fmt.Sprint(id)] != 1 {
			t.Errorf("row %d is in %d archives, want 1", id, seen[fmt.Sprint(id)])
		}
	}
	left, err := dao.LoginLogs.Ctx(ctx).WhereIn("id", append(ids, done)).Count()
	if err != nil || left != 0 {
		t.Errorf("%d archived rows still in the table (%v)", left, err)
	}
	for _, f := range committed {
		if _, err = os.Stat(f); err != nil {
			t.Errorf("committed archive %s touched: %v", f, err)
		}
	}
}
