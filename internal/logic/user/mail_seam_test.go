package user_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"kami/internal/adapter/smtpmail"
	"kami/internal/testkit"
	"kami/internal/testkit/smtpsink"
)

// The mail server is a group of settings: pointing mail.host/mail.port at another server
// through the API moves the very next mail there, on this node and on a second one, with no
// restart.
func TestMailServerIsALiveSetting(t *testing.T) {
	env := testkit.Current()
	first := testkit.MailSink(t)
	node := env.StartNode(t)
	email := uniqueEmail()
	create(t, admin(t), "agent-admin", map[string]string{"email": email})
	first.Reset()

	forgotOn := func(base string) {
		cl := testkit.NewClient(base)
		cl.Lang = "en"
		cl.Post(t, "/api/auth/password/forgot", map[string]string{"email": email}).Expect(t, http.StatusOK)
	}
	forgotOn(node.BaseURL)
	waitMail(t, first, email, "Reset your password")

	second, err := smtpsink.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = second.Close() })
	testkit.SetSettings(t, map[string]any{"mail.host": second.Host(), "mail.port": second.Port()})
	forgotOn(env.BaseURL)
	waitMail(t, second, email, "Reset your password")

	// The second node follows the change within its settings poll (about a second).
	nodeAdmin := node.Client().Login(t, "admin", testkit.AdminPassword)
	waitSetting(t, nodeAdmin, "mail.port", second.Port())
	first.Reset()
	forgotOn(node.BaseURL)
	if got := waitMail(t, second, email, "Reset your password"); got.Subject == "" {
		t.Fatal("no mail on the new server")
	}
	noMail(t, first, email)
}

// waitSetting polls a node's settings until key shows want.
func waitSetting(t *testing.T, cl *testkit.Client, key string, want any) {
	t.Helper()
	wantJSON, _ := json.Marshal(want)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var groups []struct {
			Items []struct {
				Key   string          `json:"key"`
				Value json.RawMessage `json:"value"`
			} `json:"items"`
		}
		cl.Get(t, "/api/system/settings").Expect(t, http.StatusOK).Decode(t, &groups)
		for _, g := range groups {
			for _, it := range g.Items {
				if it.Key == key && string(it.Value) == string(wantJSON) {
					return
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s never became %s on the node", key, wantJSON)
}

// The user service mails through the mailer it was handed: a test hands it a fake and reads
// the account-info and password-changed mails there, no SMTP involved.
func TestUserMailsGoThroughTheInjectedMailer(t *testing.T) {
	fake := testkit.FakeMailer(t)
	by := admin(t)
	by.Lang = "en"
	email := uniqueEmail()
	it := createItem(t, by, "agent-admin", map[string]string{"email": email, "realName": "Noor"})
	account := waitFake(t, fake, email, "Your account is ready")
	login := strings.TrimRight(testkit.Config().PublicURL, "/") + "/#/auth/login"
	if !strings.Contains(account.Text, "Noor") || !strings.Contains(account.Text, it.Username) ||
		!strings.Contains(account.Text, login) || strings.Contains(account.Text, initialPass) {
		t.Fatalf("account mail: %q", account.Text)
	}

	by.Put(t, userPath(it.ID, "/password"), map[string]string{"password": "Changed-Pass-77"}).Expect(t, http.StatusOK)
	changed := waitFake(t, fake, email, "Your password was changed")
	if !strings.Contains(changed.Text, "Noor") || strings.Contains(changed.Text, "Changed-Pass-77") {
		t.Fatalf("password-changed mail: %q", changed.Text)
	}
}

// waitFake waits for a message to `to` whose subject contains subject (the user service mails
// after the response, in the background).
func waitFake(t *testing.T, fake *smtpmail.Fake, to, subject string) smtpmail.Message {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for _, m := range fake.Messages() {
			if strings.EqualFold(m.To, to) && strings.Contains(m.Subject, subject) {
				return m
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no mail %q to %s; held: %d", subject, to, len(fake.Messages()))
	return smtpmail.Message{}
}
