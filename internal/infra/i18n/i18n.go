package i18n

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io/fs"
	"path"

	"github.com/gogf/gf/v2/i18n/gi18n"
	"github.com/gogf/gf/v2/os/gres"

	"kami/manifest"
)

const i18nRoot = "/kami-i18n"

// Load hands the embedded translations to gi18n through gf's resource manager, so messages
// are localized the same way whatever the working directory is (binary, tests, containers).
func Load() error {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// gres keys its tree by entry name, so the folder needs an entry of its own (without the
	// trailing slash zip would normally give it) for gi18n to find it.
	dir := &zip.FileHeader{Name: i18nRoot}
	dir.SetMode(fs.ModeDir | 0o755)
	if _, err := zw.CreateHeader(dir); err != nil {
		return err
	}
	err := fs.WalkDir(manifest.I18n, "i18n", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(manifest.I18n, p)
		if err != nil {
			return err
		}
		w, err := zw.Create(path.Join(i18nRoot, path.Base(p)))
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	if err = zw.Close(); err != nil {
		return err
	}
	var gz bytes.Buffer
	gw := gzip.NewWriter(&gz)
	if _, err = gw.Write(buf.Bytes()); err != nil {
		return err
	}
	if err = gw.Close(); err != nil {
		return err
	}
	if !gres.Contains(i18nRoot) {
		if err = gres.Add(base64.StdEncoding.EncodeToString(gz.Bytes())); err != nil {
			return err
		}
	}
	gi18n.SetLanguage("zh-CN")
	return gi18n.Instance().SetPath(i18nRoot)
}
