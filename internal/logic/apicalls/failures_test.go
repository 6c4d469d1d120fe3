package apicalls_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"kami/internal/logic/apicalls"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
)

type failure struct {
	ID          int64  `json:"id"`
	Endpoint    string `json:"endpoint"`
	Error       string `json:"error"`
	HTTPStatus  int    `json:"httpStatus"`
	Detail      string `json:"detail"`
	IP          string `json:"ip"`
	Nonce       string `json:"nonce"`
	RequestTime int64  `json:"requestTime"`
	CreatedAt   string `json:"createdAt"`
}

type failurePage struct {
	Items []failure `json:"items"`
	Total int       `json:"total"`
}

func listFailures(t *testing.T, c *testkit.Client, project int64, query string) failurePage {
	t.Helper()
	var p failurePage
	c.Get(t, fmt.Sprintf("/api/projects/%d/failures/list?%s", project, query)).Expect(t, http.StatusOK).Decode(t, &p)
	return p
}

func details(items []failure) string {
	s := make([]string, len(items))
	for i, it := range items {
		s[i] = it.Detail
	}
	return strings.Join(s, ",")
}

// Of more refusals than openapi.failureLog in one flush the newest are kept, newest first; a
// later flush keeps the newest of both, and the list pages through them.
func TestFailureLogKeepsTheNewest(t *testing.T) {
	admin, _, _ := staff(t)
	testkit.SetSettings(t, map[string]any{apicalls.SettingFailureLog: 10})
	p := newProject(t, admin)
	other := newProject(t, admin)
	at := time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)
	fail := func(from, to int) {
		for i := from; i < to; i++ {
			service.ApiCalls().Fail(model.ApiFailure{ProjectID: p, Endpoint: "verify", Error: "SIGNATURE_INVALID",
				HTTPStatus: 401, Detail: fmt.Sprint(i), IP: "203.0.113.7", Nonce: fmt.Sprintf("nonce-%016d", i),
				RequestTime: at.Unix(), At: at.Add(time.Duration(i) * time.Second)})
		}
	}
	fail(0, 25)
	service.ApiCalls().Fail(model.ApiFailure{ProjectID: other, Endpoint: "query", Error: "RATE_LIMITED", HTTPStatus: 429})
	flush(t)
	l := listFailures(t, admin, p, "pageSize=100")
	if l.Total != 10 || details(l.Items) != "24,23,22,21,20,19,18,17,16,15" {
		t.Fatalf("kept %d: %s", l.Total, details(l.Items))
	}
	f := l.Items[0]
	if f.Endpoint != "verify" || f.Error != "SIGNATURE_INVALID" || f.HTTPStatus != 401 || f.IP != "203.0.113.7" ||
		f.Nonce != "nonce-0000000000000024" || f.RequestTime != at.Unix() || f.CreatedAt != "2026-03-03T18:00:24+08:00" {
		t.Fatalf("newest %+v", f)
	}
	page := listFailures(t, admin, p, "page=2&pageSize=4")
	if page.Total != 10 || details(page.Items) != "20,19,18,17" {
		t.Fatalf("page 2: %d %s", page.Total, details(page.Items))
	}
	if o := listFailures(t, admin, other, ""); o.Total != 1 || o.Items[0].Error != "RATE_LIMITED" {
		t.Fatalf("other project %+v", o)
	}

	fail(25, 30)
	flush(t)
	l = listFailures(t, admin, p, "pageSize=100")
	if l.Total != 10 || details(l.Items) != "29,28,27,26,25,24,23,22,21,20" {
		t.Fatalf("after a second flush %d: %s", l.Total, details(l.Items))
	}
	if e := listFailures(t, admin, p, "error=RATE_LIMITED"); e.Total != 0 {
		t.Fatalf("error filter %+v", e)
	}
	if r := admin.Get(t, fmt.Sprintf("/api/projects/%d/failures/list?sortBy=nonce", p)); r.Status != http.StatusBadRequest {
		t.Fatalf("sort by nonce: HTTP %d", r.Status)
	}
}

// What a caller sent is stored as far as the columns hold it, never refused: an overlong
// detail is cut on a character boundary, a nonce with stray bytes made valid.
func TestFailureFieldsAreCutToFit(t *testing.T) {
	admin, _, _ := staff(t)
	p := newProject(t, admin)
	service.ApiCalls().Fail(model.ApiFailure{ProjectID: p, Endpoint: "unbind", Error: "BAD_REQUEST", HTTPStatus: 400,
		Detail: strings.Repeat("时", 100), Nonce: "bad\xffnonce" + strings.Repeat("n", 80), IP: "2001:db8::1"})
	flush(t)
	l := listFailures(t, admin, p, "")
	if l.Total != 1 {
		t.Fatalf("%+v", l)
	}
	f := l.Items[0]
	if len(f.Detail) > 255 || !utf8.ValidString(f.Detail) || !strings.HasPrefix(f.Detail, "时时") ||
		len(f.Nonce) > 64 || !utf8.ValidString(f.Nonce) || f.CreatedAt == "" {
		t.Fatalf("stored %+v", f)
	}
}
