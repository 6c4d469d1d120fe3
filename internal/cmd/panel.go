package cmd

import (
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/gogf/gf/v2/net/ghttp"

	"kami/resource"
)

// reservedPrefixes are the server's own namespaces: an unknown path under them is a 404,
// never the panel's index.html, so a typo in an API call does not answer 200 with HTML.
var reservedPrefixes = []string{"/api", "/openapi", "/merchant", "/swagger", "/healthz", "/readyz", "/metrics"}

func reserved(p string) bool {
	for _, pre := range reservedPrefixes {
		if p == pre || strings.HasPrefix(p, pre+"/") || strings.HasPrefix(p, pre+".") {
			return true
		}
	}
	return false
}

// bindPanel serves the embedded admin panel at /: a file of the build when one exists,
// otherwise index.html so the panel's client-side routes (/system/user, ...) survive a reload.
// gf matches fixed routes before this catch-all, so every API and platform route keeps its own.
func bindPanel(s *ghttp.Server) error {
	dist, err := fs.Sub(resource.Panel, "panel/dist")
	if err != nil {
		return err
	}
	index, err := fs.ReadFile(dist, "index.html")
	if err != nil {
		return err
	}
	files := http.FileServer(http.FS(dist))
	s.BindHandler("GET:/*any", func(r *ghttp.Request) {
		p := r.URL.Path
		if reserved(p) {
			r.Response.WriteStatus(http.StatusNotFound)
			return
		}
		name := strings.TrimPrefix(path.Clean(p), "/")
		if st, err := fs.Stat(dist, name); err == nil && !st.IsDir() && name != "index.html" {
			// Vite names every asset by its content hash, so a cached copy never goes stale.
			if strings.HasPrefix(name, "assets/") {
				r.Response.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			}
			files.ServeHTTP(r.Response.Writer, r.Request)
			return
		}
		if strings.HasPrefix(name, "assets/") {
			// A missing asset is an old or mistyped URL, not a client route.
			r.Response.WriteStatus(http.StatusNotFound)
			return
		}
		// index.html names the current assets: always revalidated, so a deploy shows at once.
		r.Response.Header().Set("Cache-Control", "no-cache")
		r.Response.Header().Set("Content-Type", "text/html; charset=utf-8")
		r.Response.Write(index)
	})
	return nil
}
