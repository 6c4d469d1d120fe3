// Package archive stores rows moved out of the database as gzip-compressed JSON lines, one
// object per row, and reads them back. A file is complete or absent: it is written under a
// temporary name, synced and renamed, so a crash never leaves a truncated archive that looks
// valid, and callers may delete the source rows as soon as Write returns.
package archive

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Ext is the file extension of archives.
const Ext = ".jsonl.gz"

// Write stores rows in path durably: data and rename are both synced before it returns.
// An existing file at path is replaced atomically.
func Write(path string, rows []map[string]any) (err error) {
	dir := filepath.Dir(path)
	if err = os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	zw := gzip.NewWriter(bw)
	enc := json.NewEncoder(zw)
	enc.SetEscapeHTML(false)
	for _, row := range rows {
		if err = enc.Encode(row); err != nil {
			return err
		}
	}
	if err = zw.Close(); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// syncDir makes the rename itself durable; without it a power loss can forget the new name
// even though the data blocks were synced.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err = d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err // some platforms cannot sync a directory; that is not a failure of ours
	}
	return nil
}

// Read returns every row of an archive. Numbers come back as json.Number so 64-bit ids
// survive exactly.
func Read(path string) ([]map[string]any, error) {
	var rows []map[string]any
	err := Each(path, func(row map[string]any) error {
		rows = append(rows, row)
		return nil
	})
	return rows, err
}

// Each calls fn for every row in file order, without loading the whole archive.
func Each(path string, fn func(row map[string]any) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return fmt.Errorf("archive %s: %w", path, err)
	}
	defer zr.Close()
	dec := json.NewDecoder(zr)
	dec.UseNumber()
	for n := 1; ; n++ {
		var row map[string]any
		if err = dec.Decode(&row); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("archive %s, row %d: %w", path, n, err)
		}
		if err = fn(row); err != nil {
			return err
		}
	}
}
