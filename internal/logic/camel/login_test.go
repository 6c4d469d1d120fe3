package camel_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"kami/internal/testkit"
)

func waitStatus(t *testing.T, p *pool, id int64, want string) account {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		a := p.get(t, id)
		if a.Status == want {
			return a
		}
		if time.Now().After(deadline) {
			t.Fatalf("account %d is %s, want %s", id, a.Status, want)
		}
		time.Sleep(20 * time.Millisecond) // waiting on the background login's condition, not timing it
	}
}

// TestLogin (§7.6): the SMS code arrives after 3 polls → online; a wrong code → pending_login,
// then invalid after maxLoginFailures; the number is released on every path; the history
// holds every transition; a second start while logging in is 409.
func TestLogin(t *testing.T) {
	p := newPool(t, 1000)
	sms := pointSMSCode(t, p.admin, p.fake.Code)
	sms.CodeAfter(3)
	testkit.SetSettings(t, map[string]any{"camel_oil.smsPollMs": 100, "camel_oil.maxLoginFailures": 2})
	a := createAccount(t, p.admin, map[string]any{"phone": newPhone()})
	path := fmt.Sprintf("/api/camel-oil/accounts/%d", a.ID)
	var started account
	p.admin.Post(t, path+"/login", nil).Expect(t, http.StatusOK).Decode(t, &started)
	if started.Status != "logging_in" {
		t.Fatalf("started %+v", started)
	}
	waitStatus(t, p, a.ID, "online")
	if sms.Releases(a.Phone) != 1 || sms.Held(a.Phone) {
		t.Fatal("the number was not released after a login")
	}
	p.admin.Post(t, path+"/login", nil).Expect(t, http.StatusConflict)
	var chk struct {
		Valid bool `json:"valid"`
	}
	p.admin.Post(t, path+"/check", nil).Expect(t, http.StatusOK).Decode(t, &chk)
	if !chk.Valid {
		t.Fatal("a fresh token checks invalid")
	}

	// Wrong codes: pending_login after the first failure, invalid after the second.
	sms = pointSMS(t, p.admin) // its code is not the platform's
	b := createAccount(t, p.admin, map[string]any{"phone": newPhone()})
	bp := fmt.Sprintf("/api/camel-oil/accounts/%d", b.ID)
	p.admin.Post(t, bp+"/login", nil).Expect(t, http.StatusOK)
	waitStatus(t, p, b.ID, "pending_login")
	p.admin.Post(t, bp+"/login", nil).Expect(t, http.StatusOK)
	waitStatus(t, p, b.ID, "invalid")
	if sms.Releases(b.Phone) != 2 || sms.Held(b.Phone) {
		t.Fatalf("releases %d after two failed logins", sms.Releases(b.Phone))
	}
	var h history
	p.admin.Get(t, bp+"/history").Expect(t, http.StatusOK).Decode(t, &h)
	if h.Total != 4 || h.Items[0].ToStatus != "invalid" || h.Items[3].ToStatus != "logging_in" {
		t.Fatalf("history %+v", h)
	}
}

// TestLoginNoSMSCode (§7.6): a code that never arrives ends the login after smsTimeoutS (the
// smallest allowed, 10 s, polled every second): back to pending_login with the reason and a
// failure counted, the number released, both transitions in the history.
func TestLoginNoSMSCode(t *testing.T) {
	p := newPool(t, 1000)
	sms := pointSMSCode(t, p.admin, p.fake.Code)
	sms.CodeAfter(0) // never
	testkit.SetSettings(t, map[string]any{"camel_oil.smsPollMs": 1000, "camel_oil.smsTimeoutS": 10,
		"camel_oil.maxLoginFailures": 3})
	a := createAccount(t, p.admin, map[string]any{"phone": newPhone()})
	path := fmt.Sprintf("/api/camel-oil/accounts/%d", a.ID)
	started := time.Now()
	p.admin.Post(t, path+"/login", nil).Expect(t, http.StatusOK)
	waitStatus(t, p, a.ID, "pending_login")
	if took := time.Since(started); took < 9*time.Second {
		t.Fatalf("gave up after %s, before smsTimeoutS", took)
	}
	var got struct {
		FailCount     int    `json:"failCount"`
		FailureReason string `json:"failureReason"`
	}
	p.admin.Get(t, path).Expect(t, http.StatusOK).Decode(t, &got)
	if got.FailCount != 1 || !strings.Contains(got.FailureReason, "no SMS code") {
		t.Fatalf("after the timeout: %+v", got)
	}
	if sms.Releases(a.Phone) != 1 || sms.Held(a.Phone) {
		t.Fatal("the number was not released after the SMS timeout")
	}
	var h history
	p.admin.Get(t, path+"/history").Expect(t, http.StatusOK).Decode(t, &h)
	if h.Total != 2 || h.Items[0].FromStatus != "logging_in" || h.Items[0].ToStatus != "pending_login" ||
		h.Items[1].ToStatus != "logging_in" {
		t.Fatalf("history %+v", h)
	}
}
