package kami

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// docsPath is the integrators' guide whose worked example this test recomputes.
const docsPath = "../../../docs/openapi.md"

// exampleFence opens a value of the worked example: ```<lang> kami:<name>.
var exampleFence = regexp.MustCompile("^```[a-z]+ kami:([a-z0-9-]+)$")

// docValues reads every kami:<name> block of the guide: the lines between the fences, joined
// by "\n" (no trailing newline).
func docValues(t *testing.T) map[string]string {
	t.Helper()
	raw, err := os.ReadFile(docsPath)
	if err != nil {
		t.Fatal(err)
	}
	vals := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	var name string
	var lines []string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case name == "":
			if m := exampleFence.FindStringSubmatch(line); m != nil {
				name, lines = m[1], nil
			}
		case line == "```":
			if _, dup := vals[name]; dup {
				t.Fatalf("%s: kami:%s appears twice", docsPath, name)
			}
			vals[name], name = strings.Join(lines, "\n"), ""
		default:
			lines = append(lines, line)
		}
	}
	if name != "" {
		t.Fatalf("%s: kami:%s is not closed", docsPath, name)
	}
	return vals
}

// TestDocsWorkedExample recomputes every derived value of the guide's worked example from its
// inputs, so the guide cannot drift from the code.
func TestDocsWorkedExample(t *testing.T) {
	v := docValues(t)
	get := func(name string) string {
		t.Helper()
		s, ok := v[name]
		if !ok {
			t.Fatalf("%s has no kami:%s block", docsPath, name)
		}
		return s
	}
	num := func(name string) int64 {
		t.Helper()
		n, err := strconv.ParseInt(get(name), 10, 64)
		if err != nil {
			t.Fatalf("kami:%s: %v", name, err)
		}
		return n
	}
	sha := func(s string) string { sum := sha256.Sum256([]byte(s)); return hex.EncodeToString(sum[:]) }
	check := func(name, got string) {
		t.Helper()
		if want := get(name); got != want {
			t.Errorf("kami:%s: the guide says\n%s\nthe SDK computes\n%s", name, want, got)
		}
	}

	// The request.
	method, path, nonce, body := get("method"), get("path"), get("nonce"), get("request-body")
	check("request-body-sha256", sha(body))
	canonical := CanonicalRequest(method, path, nil, get("app-key"), num("timestamp"), nonce, []byte(body))
	check("canonical-request", canonical)
	check("signature", SignRequest([]byte(get("app-secret")), canonical))

	// The response.
	seed, err := hex.DecodeString(get("ed25519-seed"))
	if err != nil || len(seed) != ed25519.SeedSize {
		t.Fatalf("kami:ed25519-seed: %v", err)
	}
	priv := ed25519.NewKeyFromSeed(seed)
	check("public-key", base64.StdEncoding.EncodeToString(priv.Public().(ed25519.PublicKey)))
	respBody := get("response-body")
	check("response-body-sha256", sha(respBody))
	canonicalResp := CanonicalResponse(nonce, method, path, num("response-timestamp"), []byte(respBody))
	check("canonical-response", canonicalResp)
	check("response-signature", base64.StdEncoding.EncodeToString(ed25519.Sign(priv, []byte(canonicalResp))))
	if err := checkNonceEcho(mustData(t, respBody), nonce); err != nil {
		t.Errorf("the example answer's nonce: %v", err)
	}
	if get("kid") == "" {
		t.Error("kami:kid is empty")
	}

	// The webhook.
	secret, t0, whBody := []byte(get("webhook-secret")), num("webhook-t"), []byte(get("webhook-body"))
	check("webhook-signature-header", "t="+strconv.FormatInt(t0, 10)+",v1="+WebhookSignature(secret, t0, whBody))
	if err := VerifyWebhook(secret, get("webhook-signature-header"), whBody, time.Unix(t0, 0), 5*time.Minute); err != nil {
		t.Errorf("VerifyWebhook on the example: %v", err)
	}
	var ev Event
	if err := json.Unmarshal(whBody, &ev); err != nil || ev.ID == "" || ev.Type != EventCardActivated {
		t.Errorf("the example webhook body: %+v %v", ev, err)
	}

	// The canonical query.
	var params url.Values
	if err := json.Unmarshal([]byte(get("query-params")), &params); err != nil {
		t.Fatalf("kami:query-params: %v", err)
	}
	check("canonical-query", CanonicalQuery(params))
}

// TestDocsEndToEnd runs the worked example through the client's own response check: a client
// with the example's pinned key, clock and nonce accepts the example answer.
func TestDocsEndToEnd(t *testing.T) {
	v := docValues(t)
	seed, _ := hex.DecodeString(v["ed25519-seed"])
	ts, _ := strconv.ParseInt(v["response-timestamp"], 10, 64)
	c := New("http://127.0.0.1:1", v["app-key"], []byte(v["app-secret"]),
		WithClock(func() time.Time { return time.Unix(ts, 0) }),
		WithPublicKeys([]PublicKey{{Kid: v["kid"], Alg: AlgEd25519, Status: KeyActive,
			PublicKey: base64.StdEncoding.EncodeToString(ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey))}}))
	resp := exampleResponse(v["kid"], v["response-timestamp"], v["response-signature"])
	if err := c.checkResponse(ctxT(t), resp, v["nonce"], v["method"], v["path"], []byte(v["response-body"])); err != nil {
		t.Fatalf("the client refuses the guide's example answer: %v", err)
	}
}

func mustData(t *testing.T, body string) json.RawMessage {
	t.Helper()
	env, err := parseEnvelope([]byte(body))
	if err != nil {
		t.Fatalf("the example answer is not an envelope: %v", err)
	}
	return env.Data
}
