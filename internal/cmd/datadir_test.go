package cmd_test

import (
	"os"
	"path/filepath"
	"testing"

	"kami/internal/testkit"
)

// The data dir is 0700 and what Kami keeps in it 0600 (database and its WAL/SHM, generated
// secret, archives), and a node booting on a data dir an older release left wide open tightens
// it. Other files in the folder are left alone.
func TestDataDirIsPrivate(t *testing.T) {
	env := testkit.Current()
	dir := env.DataDir
	embedded := testkit.Config().Embedded()
	db := filepath.Join(dir, "kami.db")
	check := func(t *testing.T) {
		t.Helper()
		want := map[string]os.FileMode{dir: 0o700}
		if embedded {
			want[db] = 0o600
			for _, companion := range []string{"-wal", "-shm"} {
				if _, err := os.Stat(db + companion); err == nil {
					want[db+companion] = 0o600
				}
			}
		}
		for p, mode := range want {
			expectMode(t, p, mode)
		}
	}
	t.Run("after boot", check)

	t.Run("tightened at boot", func(t *testing.T) {
		archive := filepath.Join(dir, "archive")
		if err := os.MkdirAll(archive, 0o755); err != nil {
			t.Fatal(err)
		}
		old := filepath.Join(archive, "login_logs-1-2.jsonl.gz")
		secret := filepath.Join(dir, "secret.key")
		other := filepath.Join(dir, "operator-notes.txt")
		for _, f := range []string{old, secret, other} {
			if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Cleanup(func() {
			_ = os.RemoveAll(archive)
			_ = os.Remove(secret)
			_ = os.Remove(other)
		})
		loosen := []string{dir, archive, old, secret, other}
		if embedded {
			loosen = append(loosen, db)
		}
		for _, p := range loosen {
			if err := os.Chmod(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		env.StartNode(t) // boots on the same data dir
		check(t)
		expectMode(t, archive, 0o700)
		expectMode(t, old, 0o600)
		expectMode(t, secret, 0o600)
		expectMode(t, other, 0o755)
	})
}

func expectMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Mode().Perm(); got != want {
		t.Errorf("%s: mode %o, want %o", filepath.Base(path), got, want)
	}
}
