package backup

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/config"
	"kami/internal/migrate"
)

// Dir is where backups go: kami.backup.dir, or <dataDir>/backups.
func Dir(c *config.Config) string {
	if c.Backup.Dir != "" {
		return c.Backup.Dir
	}
	return filepath.Join(c.DataDir, "backups")
}

// File is a backup written to disk and read back.
type File struct {
	Path     string
	Size     int64
	SHA256   string // of the file as written
	Manifest *Manifest
}

// WriteFile writes kami-<UTC time>.bak into dir (private, like the data dir) as a .part file,
// syncs it, reads it back in full and only then gives it its name: a backup that cannot be
// read is an error now, not at restore time.
func WriteFile(ctx context.Context, db gdb.DB, dialect, dir string, key []byte, at time.Time) (*File, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	version, err := migrate.SchemaVersion(ctx, db)
	if err != nil {
		return nil, err
	}
	src, done, err := Source(db, dialect)
	if err != nil {
		return nil, err
	}
	defer done()
	path := filepath.Join(dir, "kami-"+at.UTC().Format("20060102-150405")+".bak")
	tmp := path + ".part"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	m, err := Write(ctx, src, dialect, key, Header{SchemaVersion: version, CreatedAt: at.UTC().Format(time.RFC3339)}, io.MultiWriter(f, h))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = Verify(tmp, key, m)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return nil, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	return &File{Path: path, Size: st.Size(), SHA256: hex.EncodeToString(h.Sum(nil)), Manifest: m}, nil
}

// Verify reads the file at path in full and checks it against want (nil: only that it is
// authentic and complete).
func Verify(path string, key []byte, want *Manifest) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	got, err := Read(f, key, nil)
	if err != nil {
		return fmt.Errorf("%s does not verify: %w", filepath.Base(path), err)
	}
	if want != nil {
		for t, s := range want.Tables {
			if got.Tables[t] != s {
				return fmt.Errorf("%s does not verify: table %s", filepath.Base(path), t)
			}
		}
	}
	return nil
}
