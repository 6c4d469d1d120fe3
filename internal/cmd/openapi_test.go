package cmd_test

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"testing"

	"kami/internal/logic/middleware"
	"kami/internal/testkit"
)

type oaSchema struct {
	Ref        string              `json:"$ref"`
	Type       string              `json:"type"`
	Format     string              `json:"format"`
	Properties map[string]oaSchema `json:"properties"`
}

type oaResponse struct {
	Description string                               `json:"description"`
	Content     map[string]struct{ Schema oaSchema } `json:"content"`
}

type oaDoc struct {
	Paths      map[string]map[string]struct{ Responses map[string]oaResponse } `json:"paths"`
	Components struct {
		Schemas map[string]oaSchema `json:"schemas"`
	} `json:"components"`
}

func fetchDoc(t *testing.T) oaDoc {
	t.Helper()
	r := testkit.Current().Client().Get(t, "/api.json").Expect(t, http.StatusOK)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type %q", ct)
	}
	var doc oaDoc
	if err := json.Unmarshal(r.Raw, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// keys are the envelope's fields as the wire has them: the real Envelope marshaled.
func envelopeKeys(t *testing.T) []string {
	b, err := json.Marshal(middleware.Envelope{Reason: "X"})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	return sortedKeys(m)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

const schemaPrefix = "#/components/schemas/"

// /api.json shows what a client receives: every 200 the envelope {code,data,error,message,reason}
// with data the route's response struct, and the failure statuses of the route in the envelope,
// 401 unless the route is public and 403 only when RBAC checks it (the g.Meta auth tag).
func TestOpenAPIDocumentsTheEnvelopeAndStatuses(t *testing.T) {
	doc := fetchDoc(t)
	wire := strings.Join(envelopeKeys(t), ",")
	if wire != "code,data,error,message,reason" {
		t.Fatalf("envelope on the wire: %s", wire)
	}
	resolve := func(t *testing.T, s oaSchema) oaSchema {
		t.Helper()
		if s.Ref == "" {
			return s
		}
		c, ok := doc.Components.Schemas[strings.TrimPrefix(s.Ref, schemaPrefix)]
		if !ok {
			t.Fatalf("dangling $ref %s", s.Ref)
		}
		return c
	}
	cases := []struct {
		name, path, method, data string
		statuses                 []string
	}{
		{"public", "/api/auth/login", "post", "kami.api.auth.v1.LoginRes",
			[]string{"200", "400", "404", "408", "409", "413", "415", "429", "500", "503"}},
		{"login", "/api/user/info", "get", "kami.api.user.v1.InfoRes",
			[]string{"200", "400", "401", "404", "409", "429", "500", "503"}},
		{"rbac", "/api/system/user/list", "get", "kami.api.system.v1.UserListRes",
			[]string{"200", "400", "401", "403", "404", "409", "429", "500", "503"}},
		{"rbac with a body", "/api/system/user", "post", "kami.api.system.v1.UserCreateRes",
			[]string{"200", "400", "401", "403", "404", "408", "409", "413", "415", "429", "500", "503"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			op, ok := doc.Paths[c.path][c.method]
			if !ok {
				t.Fatalf("no %s %s", c.method, c.path)
			}
			if got := strings.Join(sortedKeys(op.Responses), ","); got != strings.Join(c.statuses, ",") {
				t.Fatalf("statuses %s, want %s", got, strings.Join(c.statuses, ","))
			}
			ok200 := op.Responses["200"].Content["application/json"].Schema
			if got := strings.Join(sortedKeys(ok200.Properties), ","); got != wire {
				t.Fatalf("200 schema fields %s, want the envelope %s", got, wire)
			}
			if ref := ok200.Properties["data"].Ref; ref != schemaPrefix+c.data {
				t.Fatalf("200 data is %q, want %s", ref, c.data)
			}
			resolve(t, ok200.Properties["data"])
			for status, res := range op.Responses {
				if status == "200" {
					continue
				}
				if res.Description == "" {
					t.Errorf("%s has no description", status)
				}
				fail := resolve(t, res.Content["application/json"].Schema)
				if got := strings.Join(sortedKeys(fail.Properties), ","); got != wire {
					t.Errorf("%s schema fields %s, want the envelope %s", status, got, wire)
				}
				if fail.Properties["code"].Type != "integer" || fail.Properties["reason"].Type != "string" ||
					fail.Properties["error"].Type != "string" {
					t.Errorf("%s: %+v", status, fail.Properties)
				}
			}
		})
	}
	// A download answers the file itself on success; its failures are envelopes all the same.
	t.Run("download", func(t *testing.T) {
		op := doc.Paths["/api/system/log/login/export"]["get"]
		ok200 := op.Responses["200"].Content
		if len(ok200) != 1 || ok200["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"].Schema.Format != "binary" {
			t.Fatalf("export 200: %+v", ok200)
		}
		if _, ok := op.Responses["403"]; !ok {
			t.Fatal("export lacks 403")
		}
	})
	// The refresh answers the access token itself (admin-api.md: Vben reads it raw).
	t.Run("raw refresh", func(t *testing.T) {
		ok200 := doc.Paths["/api/auth/refresh"]["post"].Responses["200"].Content
		if len(ok200) != 1 || ok200["text/plain"].Schema.Type != "string" {
			t.Fatalf("refresh 200: %+v", ok200)
		}
	})
	// Every admin operation, not only the sampled ones, answers the envelope (the OpenAPI's
	// contract has its own: TestOpenAPIDocumentsTheThirdPartyContract).
	for path, ops := range doc.Paths {
		if strings.HasPrefix(path, "/openapi/") || strings.HasPrefix(path, "/merchant/") { // the merchant API has the OpenAPI's envelope
			continue
		}
		for method, op := range ops {
			for _, s := range []string{"200", "400", "404", "500"} {
				if _, ok := op.Responses[s]; !ok {
					t.Errorf("%s %s lacks %s", method, path, s)
				}
			}
		}
	}
}
