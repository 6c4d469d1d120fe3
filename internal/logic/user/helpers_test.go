package user_test

import (
	"context"
	"fmt"
	"kami/internal/logic/user"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"kami/internal/dao"
	"kami/internal/testkit"
	"kami/internal/testkit/smtpsink"
	"kami/utility/username"
)

// userItem mirrors the API's UserItem.
type userItem struct {
	ID                 int64   `json:"id"`
	Username           string  `json:"username"`
	Role               string  `json:"role"`
	Status             int     `json:"status"`
	ParentID           int64   `json:"parentId"`
	RealName           string  `json:"realName"`
	Email              string  `json:"email"`
	Remark             string  `json:"remark"`
	MustChangePassword bool    `json:"mustChangePassword"`
	InviteCode         string  `json:"inviteCode"`
	LastLoginAt        *string `json:"lastLoginAt"`
	LastLoginIP        string  `json:"lastLoginIp"`
	CreatedAt          string  `json:"createdAt"`
}

type userList struct {
	Items []userItem `json:"items"`
	Total int        `json:"total"`
}

// account is a user created through the API and logged in with its own password (the
// admin-set one already replaced), ready to call routes.
type account struct {
	userItem
	Pass   string
	Client *testkit.Client
}

const initialPass = "Init-Pass-1234"

// createItem has by create a user of role and returns the created item; fields adds optional
// body fields (email, realName, remark).
func createItem(t *testing.T, by *testkit.Client, role string, fields map[string]string) userItem {
	t.Helper()
	body := map[string]string{"username": testkit.UniqueName("u"), "password": initialPass, "role": role}
	for k, v := range fields {
		body[k] = v
	}
	var it userItem
	by.Post(t, "/api/system/user", body).Expect(t, 200).Decode(t, &it)
	if it.ID == 0 || it.Username != username.Canonical(body["username"]) || it.Role != role {
		t.Fatalf("created item: %+v", it)
	}
	return it
}

// create is createItem plus the first login and the forced password change.
func create(t *testing.T, by *testkit.Client, role string, fields map[string]string) account {
	t.Helper()
	it := createItem(t, by, role, fields)
	a := account{userItem: it, Pass: "Own-Pass-5678", Client: testkit.Current().Client().Login(t, it.Username, initialPass)}
	a.Client.Put(t, "/api/user/password", map[string]string{"oldPassword": initialPass, "newPassword": a.Pass}).Expect(t, 200)
	return a
}

func admin(t *testing.T) *testkit.Client { return testkit.Current().Admin(t) }

func adminID(t *testing.T) int64 {
	t.Helper()
	v, err := dao.Users.Ctx(context.Background()).Where("username", "admin").Value("id")
	if err != nil {
		t.Fatal(err)
	}
	return v.Int64()
}

func userCount(t *testing.T) int {
	t.Helper()
	n, err := dao.Users.Ctx(context.Background()).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func expectError(t *testing.T, r *testkit.Resp, status int, code string) {
	t.Helper()
	r.Expect(t, status)
	if r.ErrorCode() != code {
		t.Fatalf("error %q, want %q: %s", r.ErrorCode(), code, r.Raw)
	}
}

func userPath(id int64, suffix string) string {
	return fmt.Sprintf("/api/system/user/%d%s", id, suffix)
}

// waitMail waits for a mail to `to` whose subject contains subject.
func waitMail(t *testing.T, sink *smtpsink.Sink, to, subject string) smtpsink.Mail {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for _, m := range sink.Messages() {
			if len(m.To) > 0 && strings.EqualFold(m.To[0], to) && strings.Contains(m.Subject, subject) {
				return m
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no mail %q to %s; held: %d", subject, to, len(sink.Messages()))
	return smtpsink.Mail{}
}

// noMail asserts that nothing reached `to` once the background pool (where the flows that may
// or may not mail do their work, sending synchronously) has run everything queued.
func noMail(t *testing.T, sink *smtpsink.Sink, to string) {
	t.Helper()
	user.WaitBackground()
	for _, m := range sink.Messages() {
		for _, r := range m.To {
			if strings.EqualFold(r, to) {
				t.Fatalf("unexpected mail to %s: %q", to, m.Subject)
			}
		}
	}
}

var linkToken = regexp.MustCompile(`/#/auth/([a-z-]+)\?token=([^\s]+)`)

// tokenFrom extracts the one-time token from the link in a mail, checking the panel page.
func tokenFrom(t *testing.T, m smtpsink.Mail, page string) string {
	t.Helper()
	found := linkToken.FindStringSubmatch(m.Body)
	if found == nil || found[1] != page {
		t.Fatalf("no %s link in mail: %q", page, m.Body)
	}
	if !strings.Contains(m.Body, strings.TrimRight(testkit.Config().PublicURL, "/")+"/#/auth/"+page) {
		t.Fatalf("link does not start with the public URL: %q", m.Body)
	}
	tok, err := url.QueryUnescape(found[2])
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func uniqueEmail() string { return testkit.UniqueName("m") + "@example.test" }

// loginResp tries a login and returns the answer without failing the test.
func loginResp(t *testing.T, username, pass string) *testkit.Resp {
	t.Helper()
	return testkit.Current().Client().Post(t, "/api/auth/login", map[string]string{"username": username, "password": pass})
}
