package logs

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/retention"
	"kami/internal/service"
	"kami/utility/archive"
	"kami/utility/dbx"
)

// RetentionJob is the name of the job that archives old log rows and deletes the finished rows
// modules register with their own window.
const RetentionJob = "log.retention"

// archiveChunk is the number of rows per archive file, and so per DELETE statement (a variable
// so tests can exercise several chunks with a few rows).
var archiveChunk = 5000

// purgeBatch bounds one DELETE of a table deleted without archive, so a backlog never holds a
// long lock.
const purgeBatch = 1000

func init() {
	// The logs module's own tables; other modules offer theirs (the jobs module its run history,
	// the outbox and notify modules their finished rows).
	retention.Register(retention.Table{Name: dao.OperationLogs.Table(), TimeCol: dao.OperationLogs.Columns().CreatedAt})
	retention.Register(retention.Table{Name: dao.LoginLogs.Table(), TimeCol: dao.LoginLogs.Columns().CreatedAt})
	job.Register(job.Def{
		Name:            RetentionJob,
		Description:     "Archive operation, login and job-run rows older than kami.logRetention to <dataDir>/archive, then delete them; delete finished outbox events and read notifications past outbox.retention and notify.retention",
		DefaultSchedule: "0 30 3 * * *", // daily 03:30 in kami.timeZone, a quiet hour
		Run:             func(ctx context.Context) (int, error) { return service.Logs().Retain(ctx) },
	})
}

// archiveDir is where archives are written: <dataDir>/archive.
func (s *sLogs) archiveDir() string { return filepath.Join(s.cfg().DataDir, "archive") }

// Retain removes the old rows of every registered table as of the service's clock (the
// log.retention job): history tables past kami.logRetention are archived, then deleted; tables
// with their own window (outbox.retention, notify.retention) are deleted in batches. A window of
// 0 keeps that table's rows.
func (s *sLogs) Retain(ctx context.Context) (int, error) {
	now := s.clock.Now()
	dir := s.archiveDir()
	total := 0
	for _, t := range retention.Tables() {
		keep := s.cfg().LogRetention
		if t.Window != nil {
			keep = t.Window()
		}
		if keep <= 0 {
			continue // retention switched off for this table: keep everything
		}
		cutoff := gtime.New(now.Add(-keep))
		var n int
		var err error
		if t.Window == nil {
			n, err = archiveTable(ctx, dir, t, cutoff)
		} else {
			n, err = dbx.DeleteInBatches(ctx, func() *gdb.Model { return t.Expired(ctx, cutoff) }, "id", purgeBatch)
		}
		total += n
		if err != nil {
			return total, fmt.Errorf("%s: %w", t.Name, err)
		}
	}
	return total, nil
}

// archiveTable moves the rows of table dated before cutoff into archive files, oldest first,
// one chunk at a time: read up to archiveChunk rows by id, write them durably to
// <table>-<firstId>-<lastId>.jsonl.gz, then delete exactly that id range (still restricted to
// old rows) in one statement. Each chunk is thus archived-then-deleted, never deleted unarchived.
//
// If the node dies between writing a file and deleting its rows, the next run reads a chunk that
// starts at the same first id (those rows are still there) and writes it again, then drops the
// earlier file of that first id: its rows are all still in the table and in the new file. A
// chunk whose DELETE committed can never be re-read, so its file is never touched again.
func archiveTable(ctx context.Context, dir string, t retention.Table, cutoff *gtime.Time) (int, error) {
	table := t.Name
	total := 0
	for ctx.Err() == nil {
		rows, err := t.Expired(ctx, cutoff).OrderAsc("id").Limit(archiveChunk).All()
		if err != nil && !dbx.IsNoRows(err) {
			return total, err
		}
		if len(rows) == 0 {
			return total, nil
		}
		from, to := rows[0]["id"].Int64(), rows[len(rows)-1]["id"].Int64()
		prefix := fmt.Sprintf("%s-%012d-", table, from)
		path := filepath.Join(dir, fmt.Sprintf("%s%012d%s", prefix, to, archive.Ext))
		if err = archive.Write(path, rows.List()); err != nil {
			return total, err
		}
		if err = dropSuperseded(dir, prefix, path); err != nil {
			return total, err
		}
		res, err := t.Expired(ctx, cutoff).WhereBetween("id", from, to).Delete()
		if err != nil {
			return total, err
		}
		if n, _ := res.RowsAffected(); n != int64(len(rows)) {
			g.Log().Warningf(ctx, "log retention: %s ids %d-%d: archived %d rows, deleted %d", table, from, to, len(rows), n)
		}
		total += len(rows)
		if len(rows) < archiveChunk {
			return total, nil
		}
	}
	return total, ctx.Err()
}

// dropSuperseded removes archives of an interrupted earlier run that began at the same first id.
func dropSuperseded(dir, prefix, keep string) error {
	matches, err := filepath.Glob(filepath.Join(dir, prefix+"*"+archive.Ext))
	if err != nil {
		return err
	}
	for _, m := range matches {
		if m != keep && strings.HasPrefix(filepath.Base(m), prefix) {
			if err = os.Remove(m); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
	}
	return nil
}
