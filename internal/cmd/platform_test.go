package cmd_test

import (
	"encoding/json"
	"strings"
	"testing"

	"kami/internal/testkit"
)

func TestPlatformEndpoints(t *testing.T) {
	env := testkit.Current()
	cl := env.Client()
	cases := []struct {
		path     string
		status   int
		contains string
	}{
		{"/healthz", 200, `"ok"`},
		{"/readyz", 200, `"database":"ok"`},
		{"/api.json", 200, `"/api/auth/login"`},
		{"/api/does-not-exist", 404, `"NOT_FOUND"`},
		{"/swagger", 200, `src="/swagger/assets/swagger-ui-bundle.js"`},
		{"/swagger/assets/swagger-ui-bundle.js", 200, "SwaggerUIBundle"},
		{"/swagger/assets/swagger-ui.css", 200, ".swagger-ui"},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			r := cl.Get(t, c.path).Expect(t, c.status)
			if !strings.Contains(string(r.Raw), c.contains) {
				t.Fatalf("%s lacks %s: %.300s", c.path, c.contains, r.Raw)
			}
		})
	}
	// Offline: the page loads nothing from another host.
	if page := cl.Get(t, "/swagger").Raw; strings.Contains(string(page), "//cdn") || strings.Contains(string(page), "https://") {
		t.Fatalf("the API reference loads from the network:\n%s", page)
	}
	// A request first, so the counter has a sample with its route pattern label.
	cl.Post(t, "/api/auth/login", map[string]string{"username": "admin", "password": testkit.AdminPassword}).Expect(t, 200)
	m := cl.Get(t, "/metrics").Expect(t, 200)
	if !strings.Contains(string(m.Raw), `kami_http_requests_total{method="POST",route="/api/auth/login",status="200"}`) {
		t.Fatalf("metrics lack the login counter:\n%.2000s", m.Raw)
	}
}

func TestOpenAPIDocumentDescribesAuth(t *testing.T) {
	env := testkit.Current()
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	r := env.Client().Get(t, "/api.json").Expect(t, 200)
	if err := json.Unmarshal(r.Raw, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi version %q", doc.OpenAPI)
	}
	for _, p := range []string{"/api/auth/login", "/api/auth/refresh", "/api/user/info"} {
		if _, ok := doc.Paths[p]; !ok {
			t.Errorf("api.json lacks %s", p)
		}
	}
}
