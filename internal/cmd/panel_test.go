package cmd_test

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"kami/internal/testkit"
	"kami/resource"
)

// The panel is served at / from the embedded build; client routes fall back to index.html,
// and the server's own namespaces are never shadowed by that fallback.
func TestPanelServedWithFallback(t *testing.T) {
	cl := testkit.Current().Client()
	assets, err := fs.Glob(resource.Panel, "panel/dist/assets/index-*.js")
	if err != nil || len(assets) == 0 {
		t.Fatalf("no built panel script embedded (run make panel): %v", err)
	}
	asset := strings.TrimPrefix(assets[0], "panel/dist")
	cases := []struct {
		path, contains, cache string
		status                int
	}{
		{"/", `<div id="app">`, "no-cache", 200},
		{"/system/user", `<div id="app">`, "no-cache", 200},            // a client route, reloaded
		{"/cards/batches/list?x=1", `<div id="app">`, "no-cache", 200}, // query strings too
		{asset, "", "immutable", 200},
		{"/assets/missing-0000.js", "", "", 404},
		{"/api/does-not-exist", `"NOT_FOUND"`, "no-store", 404},
		{"/api.json", `"/api/auth/login"`, "", 200},
		{"/healthz", `"ok"`, "", 200},
		{"/openapi/v1/nope", "", "", 404},
		{"/swagger/assets/missing.js", "", "", 404},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			r := cl.Get(t, c.path).Expect(t, c.status)
			if c.contains != "" && !strings.Contains(string(r.Raw), c.contains) {
				t.Fatalf("%s lacks %s: %.300s", c.path, c.contains, r.Raw)
			}
			if c.cache != "" && !strings.Contains(r.Header.Get("Cache-Control"), c.cache) {
				t.Fatalf("%s Cache-Control %q, want %s", c.path, r.Header.Get("Cache-Control"), c.cache)
			}
		})
	}
}

// Every file of the build on disk is embedded: go:embed silently skips names starting with _
// or . unless told otherwise, and the bundler does emit such chunks.
func TestPanelEmbedsWholeBuild(t *testing.T) {
	disk := os.DirFS("../../resource/panel/dist")
	n := 0
	err := fs.WalkDir(disk, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		if _, err := fs.Stat(resource.Panel, "panel/dist/"+p); err != nil {
			t.Errorf("%s is not embedded: %v", p, err)
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("walking the build: %v (%d files)", err, n)
	}
}
