package backup_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/backup"
	"kami/internal/dao"
	"kami/internal/infra/db"
	"kami/internal/migrate"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

func key(t *testing.T) []byte {
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		t.Fatal(err)
	}
	return k
}

// emptyTarget is a fresh database of the test's dialect.
func emptyTarget(t *testing.T) gdb.DB {
	t.Helper()
	if db.Dialect() == "mysql" {
		link, drop, err := testkit.FreshDatabase(context.Background(), os.Getenv("KAMI_TEST_MYSQL"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(drop)
		target, err := gdb.New(gdb.ConfigNode{Link: link + "&loc=UTC"})
		if err != nil {
			t.Fatal(err)
		}
		return target
	}
	target, err := gdb.New(gdb.ConfigNode{Type: "sqlite", Name: filepath.Join(t.TempDir(), "restored.db") + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)"})
	if err != nil {
		t.Fatal(err)
	}
	return target
}

func snapshot(t *testing.T, k []byte) ([]byte, *backup.Manifest) {
	t.Helper()
	ctx := context.Background()
	src, done, err := backup.Source(g.DB(), db.Dialect())
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	v, err := migrate.SchemaVersion(ctx, g.DB())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	m, err := backup.Write(ctx, src, db.Dialect(), k, backup.Header{SchemaVersion: v}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), m
}

func opener(b []byte) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
}

// A backup taken while writes go on restores into an empty database with every table equal to
// the snapshot (Restore compares each table's rows and digest), and the snapshot is one point
// in time: each writer transaction adds a row to two tables, and the restored copy holds as
// many of one as of the other.
func TestBackupRoundTripWhileWriting(t *testing.T) {
	ctx := context.Background()
	marker := testkit.UniqueName("bk")
	var (
		stop    atomic.Bool
		wg      sync.WaitGroup
		written atomic.Int64
		werr    atomic.Value
	)
	write := func() error {
		return g.DB().Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			if _, err := tx.Model(dao.LoginLogs.Table()).Data(do.LoginLogs{Username: marker, Ip: "10.0.0.1", Result: 1}).Insert(); err != nil {
				return err
			}
			_, err := tx.Model(dao.OperationLogs.Table()).Data(do.OperationLogs{Username: marker, Module: "backup", Route: "/x", Method: "POST", Path: "/x", Status: 200}).Insert()
			return err
		})
	}
	for i := 0; i < 50; i++ {
		if err := write(); err != nil {
			t.Fatal(err)
		}
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			if err := write(); err != nil {
				werr.Store(err)
				return
			}
			written.Add(1)
		}
	}()
	k := key(t)
	file, m := snapshot(t, k)
	stop.Store(true)
	wg.Wait()
	if err, _ := werr.Load().(error); err != nil {
		t.Fatalf("a write during the backup failed: %v", err)
	}
	t.Logf("%d bytes, %d tables, %d writes during the backup", len(file), len(m.Tables), written.Load())
	if m.Tables["users"].Rows == 0 || m.Tables[dao.LoginLogs.Table()].Rows < 50 {
		t.Fatalf("manifest: %+v", m.Tables)
	}
	// The file verifies on its own, as after writing.
	if _, err := backup.Read(bytes.NewReader(file), k, nil); err != nil {
		t.Fatal(err)
	}

	target := emptyTarget(t)
	got, err := backup.Restore(ctx, target, db.Dialect(), k, opener(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Tables) != len(m.Tables) {
		t.Fatalf("restored %d tables of %d", len(got.Tables), len(m.Tables))
	}
	logins, _ := target.Model(dao.LoginLogs.Table()).Where("username", marker).Count()
	ops, _ := target.Model(dao.OperationLogs.Table()).Where("username", marker).Count()
	if logins != ops || logins < 50 {
		t.Fatalf("torn snapshot: %d login rows, %d operation rows of the paired writes", logins, ops)
	}
	// Restoring again over the now filled database is refused.
	if _, err = backup.Restore(ctx, target, db.Dialect(), k, opener(file)); !errors.Is(err, backup.ErrNotEmpty) {
		t.Fatalf("restore over data: %v", err)
	}
}

// A changed byte anywhere, a cut file, bytes appended or the wrong key: refused, and nothing
// is written to the target.
func TestTamperedBackupIsRefused(t *testing.T) {
	k := key(t)
	file, _ := snapshot(t, k)
	flip := func(at int) []byte {
		b := bytes.Clone(file)
		b[at] ^= 0x01
		return b
	}
	cases := []struct {
		name string
		file []byte
		key  []byte
	}{
		{"byte in the first frame", flip(20), k},
		{"byte in the middle", flip(len(file) / 2), k},
		{"last byte", flip(len(file) - 1), k},
		{"cut", file[:len(file)-100], k},
		{"appended", append(bytes.Clone(file), 0), k},
		{"wrong key", file, key(t)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := backup.Read(bytes.NewReader(c.file), c.key, nil); !errors.Is(err, backup.ErrTampered) {
				t.Fatalf("read: %v", err)
			}
			target := emptyTarget(t)
			if _, err := backup.Restore(context.Background(), target, db.Dialect(), c.key, opener(c.file)); !errors.Is(err, backup.ErrTampered) {
				t.Fatalf("restore: %v", err)
			}
			if n, _ := target.GetValue(context.Background(), fmt.Sprintf("SELECT COUNT(*) FROM %s", map[string]string{
				"mysql": "information_schema.tables WHERE table_schema = DATABASE()", "sqlite": "sqlite_master"}[db.Dialect()])); n.Int() != 0 {
				t.Fatalf("the refused restore created %d objects", n.Int())
			}
		})
	}
}
