package archive

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "t-1-3"+Ext)
	tests := []struct {
		name string
		rows []map[string]any
	}{
		{"empty", nil},
		{"rows", []map[string]any{
			{"id": int64(1), "name": "a<b>&", "big": int64(9007199254740993)},
			{"id": int64(2), "name": "中文", "nil": nil},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := Write(path, tc.rows); err != nil {
				t.Fatal(err)
			}
			got, err := Read(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.rows) {
				t.Fatalf("got %d rows, want %d", len(got), len(tc.rows))
			}
			for i, row := range tc.rows {
				for k, v := range row {
					want, _ := json.Marshal(v)
					have, _ := json.Marshal(got[i][k])
					if string(want) != string(have) {
						t.Errorf("row %d %s: got %s, want %s", i, k, have, want)
					}
				}
			}
			// No temporary file is left next to the archive.
			entries, _ := os.ReadDir(filepath.Dir(path))
			if len(entries) != 1 {
				t.Errorf("want only the archive in the folder, got %d entries", len(entries))
			}
		})
	}
}

func TestReadRejectsCorruptFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad"+Ext)
	if err := os.WriteFile(path, []byte("not gzip"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(path); err == nil {
		t.Fatal("want an error for a corrupt archive")
	}
}

// Archives hold usernames and IPs: the folder Write creates and the file are the owner's only.
func TestWriteIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "archive", "t-1-1"+Ext)
	if err := Write(path, []map[string]any{{"id": 1}}); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{filepath.Dir(path): 0o700, path: 0o600} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got != want {
			t.Errorf("%s: mode %o, want %o", p, got, want)
		}
	}
}
