package middleware_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

// send is Client.Do with the Content-Type and extra headers chosen by the test; testkit's
// client always sends JSON.
func send(t *testing.T, cl *testkit.Client, method, path, contentType, body string, header http.Header) *testkit.Resp {
	t.Helper()
	req, err := http.NewRequest(method, cl.Base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range cl.Header {
		req.Header[k] = v
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if cl.Token != "" {
		req.Header.Set("Authorization", "Bearer "+cl.Token)
	}
	if cl.Lang != "" {
		req.Header.Set("Accept-Language", cl.Lang)
	}
	res, err := cl.HTTP.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	out := &testkit.Resp{Status: res.StatusCode, Header: res.Header}
	if out.Raw, err = io.ReadAll(res.Body); err != nil {
		t.Fatal(err)
	}
	if len(out.Raw) > 0 && out.Raw[0] == '{' {
		_ = json.Unmarshal(out.Raw, out)
	}
	return out
}

// dial opens a raw TCP connection to the test server, for requests no HTTP client would send.
func dial(t *testing.T) *net.TCPConn {
	t.Helper()
	u, err := url.Parse(testkit.Current().BaseURL)
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	// A safety net so a server that never answers fails the test instead of hanging it.
	_ = c.SetDeadline(time.Now().Add(20 * time.Second))
	return c.(*net.TCPConn)
}

// readResponse reads one HTTP answer from c and decodes its envelope.
func readResponse(t *testing.T, c net.Conn) *testkit.Resp {
	t.Helper()
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("no HTTP answer: %v", err)
	}
	defer res.Body.Close()
	out := &testkit.Resp{Status: res.StatusCode, Header: res.Header}
	out.Raw, _ = io.ReadAll(res.Body)
	if len(out.Raw) > 0 && out.Raw[0] == '{' {
		_ = json.Unmarshal(out.Raw, out)
	}
	return out
}

// rawRequest is the text of one HTTP/1.1 request: headers as given, body as given, and
// Content-Length set to length (which may lie about the body).
func rawRequest(method, path string, header map[string]string, body string, length int) string {
	var b strings.Builder
	b.WriteString(method + " " + path + " HTTP/1.1\r\nHost: kami.test\r\n")
	for k, v := range header {
		b.WriteString(k + ": " + v + "\r\n")
	}
	b.WriteString("Content-Length: " + itoa(length) + "\r\n\r\n" + body)
	return b.String()
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// randomIP is a client address no other test uses (the server trusts X-Forwarded-For from
// 127.0.0.1 in tests).
func randomIP() string { return testkit.NewClient("").Header.Get("X-Forwarded-For") }

func userByID(t *testing.T, id int64) entity.Users {
	t.Helper()
	var u entity.Users
	if err := dao.Users.Ctx(context.Background()).WherePri(id).Scan(&u); err != nil {
		t.Fatal(err)
	}
	return u
}

// opLogs returns the operation-log rows matching where (column -> value), oldest first.
func opLogs(t *testing.T, where map[string]any) []entity.OperationLogs {
	t.Helper()
	var rows []entity.OperationLogs
	if err := dao.OperationLogs.Ctx(context.Background()).Where(where).OrderAsc("id").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// waitFor polls cond until it holds, failing the test after a generous bound; it waits on a
// condition, it does not measure time.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// agentAdmin seeds an enabled agent-admin under the super-admin.
func agentAdmin(t *testing.T) testkit.SeededUser {
	t.Helper()
	return testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
}
