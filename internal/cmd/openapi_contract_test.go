package cmd_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"kami/internal/testkit"
	"kami/sdk/go/kami"
)

type contractOp struct {
	Parameters []struct {
		Name     string `json:"name"`
		In       string `json:"in"`
		Required bool   `json:"required"`
	} `json:"parameters"`
	Responses map[string]struct {
		Headers map[string]any                       `json:"headers"`
		Content map[string]struct{ Schema oaSchema } `json:"content"`
	} `json:"responses"`
}

// The OpenAPI routes are documented as openapi.md has them, not as admin routes: the four
// signing headers, the {code,message,error,data} envelope around the response struct, the
// signature headers of the answer, and the contract's failure statuses (no 403: no roles).
func TestOpenAPIDocumentsTheThirdPartyContract(t *testing.T) {
	raw := testkit.Current().Client().Get(t, "/api.json").Expect(t, http.StatusOK).Raw
	var doc struct {
		Paths      map[string]map[string]contractOp `json:"paths"`
		Components struct {
			Schemas map[string]oaSchema `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	// The failure envelope's fields as the wire has them: an unknown appKey's answer.
	// (DoErr: the admin client's envelope check would refuse the OpenAPI's own envelope.)
	wire, err := testkit.Current().Client().DoErr(http.MethodGet, "/openapi/v1/keys?appKey=nobody", nil)
	if err != nil || wire.Status != http.StatusUnauthorized {
		t.Fatalf("unknown appKey: %v %v", wire, err)
	}
	var body map[string]any
	if err := json.Unmarshal(wire.Raw, &body); err != nil {
		t.Fatal(err)
	}
	wireKeys := strings.Join(sortedKeys(body), ",")
	if wireKeys != "code,data,error,message" || body["error"] != "APP_KEY_INVALID" {
		t.Fatalf("the wire's failure: %s", wire.Raw)
	}
	cases := []struct {
		path, method, data   string
		signed, answerSigned bool
		statuses             string
	}{
		{"/openapi/v1/cards/verify", "post", "kami.api.openapi.v1.VerifyRes", true, true, "200,400,401,413,429,503"},
		{"/openapi/v1/cards/query", "post", "kami.api.openapi.v1.QueryRes", true, true, "200,400,401,413,429,503"},
		{"/openapi/v1/cards/unbind", "post", "kami.api.openapi.v1.UnbindRes", true, true, "200,400,401,413,429,503"},
		{"/openapi/v1/keys", "get", "kami.api.openapi.v1.KeysRes", false, false, "200,400,413,429,503"},
		// The merchant API: signed requests, unsigned answers (camel-oil.md §4).
		{"/merchant/v1/camel-oil/orders", "post", "kami.api.camelmerchant.v1.SubmitRes", true, false, "200,400,401,413,429,503"},
		{"/merchant/v1/camel-oil/orders/query", "post", "kami.api.camelmerchant.v1.QueryRes", true, false, "200,400,401,413,429,503"},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			op, ok := doc.Paths[c.path][c.method]
			if !ok {
				t.Fatalf("no %s %s in /api.json", c.method, c.path)
			}
			if got := strings.Join(sortedKeys(op.Responses), ","); got != c.statuses {
				t.Fatalf("statuses %s, want %s", got, c.statuses)
			}
			ok200 := op.Responses["200"].Content["application/json"].Schema
			if got := strings.Join(sortedKeys(ok200.Properties), ","); got != wireKeys {
				t.Fatalf("200 fields %s, want %s", got, wireKeys)
			}
			if ref := ok200.Properties["data"].Ref; ref != schemaPrefix+c.data {
				t.Fatalf("200 data %q, want %s", ref, c.data)
			}
			for status, res := range op.Responses {
				if status == "200" {
					continue
				}
				ref := res.Content["application/json"].Schema.Ref
				fail, ok := doc.Components.Schemas[strings.TrimPrefix(ref, schemaPrefix)]
				if !ok || strings.Join(sortedKeys(fail.Properties), ",") != wireKeys || fail.Properties["error"].Type != "string" {
					t.Errorf("%s: failure schema %q %+v", status, ref, fail.Properties)
				}
			}
			headers := map[string]bool{}
			for _, p := range op.Parameters {
				if p.In == "header" && p.Required {
					headers[p.Name] = true
				}
			}
			signing := []string{kami.HeaderAppKey, kami.HeaderTimestamp, kami.HeaderNonce, kami.HeaderSignature}
			answer := []string{kami.HeaderKid, kami.HeaderTimestamp, kami.HeaderResponseSignature}
			for _, h := range signing {
				if headers[h] != c.signed {
					t.Errorf("request header %s documented %v, want %v", h, headers[h], c.signed)
				}
			}
			for _, h := range answer {
				if _, ok := op.Responses["200"].Headers[h]; ok != c.answerSigned {
					t.Errorf("answer header %s documented %v, want %v", h, ok, c.answerSigned)
				}
			}
		})
	}
}
