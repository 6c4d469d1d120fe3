package db

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"kami/internal/config"
)

// Nothing Kami keeps in its data dir is for other local users: the embedded database holds
// password hashes and sessions, secret.key is the master key, archives carry usernames and IPs.
const (
	privateDirMode  fs.FileMode = 0o700
	privateFileMode fs.FileMode = 0o600
)

// sqliteCompanions are the files SQLite keeps beside a database (WAL mode uses -wal and -shm).
// It creates them with the database file's mode, so a 0600 database gets 0600 companions.
var sqliteCompanions = []string{"", "-wal", "-shm", "-journal"}

// secureDataDir creates the data dir private to this user, or tightens one that exists with
// wider modes (an older release made it 0755 and kami.db 0644), together with what Kami keeps
// in it. On the embedded default the database file is created here, empty and 0600, before
// SQLite opens it. Modes are only narrowed: group and other bits are dropped, the owner's kept.
// Only Kami's own entries are touched, never whatever else a shared data dir may hold.
func secureDataDir(c *config.Config, sqliteFile string) error {
	if err := os.MkdirAll(c.DataDir, privateDirMode); err != nil {
		return err
	}
	if err := tighten(c.DataDir); err != nil {
		return err
	}
	archive := filepath.Join(c.DataDir, "archive")
	if err := tighten(archive); err != nil {
		return err
	}
	archived, err := filepath.Glob(filepath.Join(archive, "*"))
	if err != nil {
		return err
	}
	files := append(archived, filepath.Join(c.DataDir, "secret.key"))
	if sqliteFile != "" {
		if err = createPrivate(sqliteFile); err != nil {
			return err
		}
		for _, suffix := range sqliteCompanions {
			files = append(files, sqliteFile+suffix)
		}
	}
	for _, f := range files {
		if err = tighten(f); err != nil {
			return err
		}
	}
	return nil
}

// createPrivate creates file empty with mode 0600 unless it exists (SQLite takes an empty file
// as a new database), and its folder 0700 if that is missing.
func createPrivate(file string) error {
	if err := os.MkdirAll(filepath.Dir(file), privateDirMode); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_RDWR|os.O_CREATE, privateFileMode)
	if err != nil {
		return err
	}
	return f.Close()
}

// tighten drops the group and other bits of path (0700 at most for a folder, 0600 for a file);
// a missing path is fine.
func tighten(path string) error {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		return nil // not ours to change: the operator linked it there
	}
	limit := privateFileMode
	if st.IsDir() {
		limit = privateDirMode
	}
	if mode := st.Mode().Perm(); mode&^limit != 0 {
		return os.Chmod(path, mode&limit)
	}
	return nil
}
