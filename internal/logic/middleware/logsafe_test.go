package middleware_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"unicode"

	"kami/internal/logic/middleware"
	"kami/internal/testkit"

	"github.com/gogf/gf/v2/os/glog"
)

func unsafeText(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' })
}

// A %0a in the path, a line separator in the user agent or a newline in a field name reached
// the operation log as they were, so a viewer or an export showed forged lines. Every text
// field of the row is escaped, and the request column stays valid JSON.
func TestOperationLogFieldsAreEscaped(t *testing.T) {
	env := testkit.Current()
	su := env.Admin(t)
	su.Lang = "en"
	agent := testkit.UniqueName("ua-") + "\u2028forged\u0085line"
	r := send(t, su, "PUT", "/api/system/user/1%0a2026-01-01%20[INFO]%20forged", "application/json",
		`{"remark":"x\u0085y\u007f","bogus\nfield":1}`, http.Header{"User-Agent": {agent}}).Expect(t, 400)
	if r.ErrorCode() != "UNKNOWN_FIELD" {
		t.Fatalf("%s", r.Raw)
	}
	rows := opLogs(t, map[string]any{"trace_id": r.Header.Get("Trace-Id")})
	if len(rows) != 1 {
		t.Fatalf("%d rows", len(rows))
	}
	row := rows[0]
	for name, v := range map[string]string{"path": row.Path, "userAgent": row.UserAgent, "error": row.Error, "request": row.Request} {
		if unsafeText(v) {
			t.Errorf("%s keeps control characters: %q", name, v)
		}
	}
	if !strings.Contains(row.Path, `1\n2026-01-01 [INFO] forged`) || !strings.Contains(row.UserAgent, `\u2028forged\u0085line`) ||
		!strings.Contains(row.Error, `bogus\nfield`) {
		t.Fatalf("escapes missing: %+v", row)
	}
	var body map[string]any
	if err := json.Unmarshal([]byte(row.Request), &body); err != nil || body["remark"] != "x\u0085y\u007f" {
		t.Fatalf("request column %q is not the body as valid JSON (%v)", row.Request, err)
	}
}

// What the server's logger writes (gf's access and error logs, net/http's messages) is one
// line per entry whatever the request carried. The check runs on a copy of the live logger,
// with its handlers, writing to a buffer.
func TestServerLogEntriesAreOneLine(t *testing.T) {
	l := testkit.Current().Server.Logger().Clone()
	var buf bytes.Buffer
	l.SetWriter(&buf)
	l.SetStdoutPrint(false)
	l.SetStack(false) // as gf's error logger does; a stack is the logger's own, not request data
	ctx := context.Background()
	l.Print(ctx, `404 "GET http kami.test /x`+"\n"+`2026-01-01 00:00:00 [ERRO] forged" 0.001`, "agent\u2028forged")
	l.Errorf(ctx, "http: %s", "bad request\r\nforged: line\n")
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `/x\n2026-01-01`) || !strings.Contains(lines[0], `agent\u2028forged`) ||
		!strings.Contains(lines[1], `bad request\r\nforged: line`) {
		t.Fatalf("log output:\n%s", buf.String())
	}

	// The handler itself, on a logger of the test's own.
	own := glog.New()
	buf.Reset()
	own.SetWriter(&buf)
	own.SetStdoutPrint(false)
	own.SetHandlers(middleware.EscapeLog)
	own.Infof(ctx, "path %s", "/a\n/b")
	if strings.Count(buf.String(), "\n") != 1 || !strings.Contains(buf.String(), `/a\n/b`) {
		t.Fatalf("log output:\n%s", buf.String())
	}
}
