package auth_test

import (
	"net/http"
	"strings"
	"testing"

	"kami/internal/testkit"
)

// fullwidth spells an ASCII name in fullwidth capitals and digits (agent3 -> ＡＧＥＮＴ３).
func fullwidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'Ａ')
		case r >= '0' && r <= '9':
			b.WriteRune(r - '0' + '０')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// variant is one way to type an account's name, and whether it means that account.
type variant struct {
	name  string
	typed string
	same  bool
}

// variantsOf lists spellings of name: those that canonicalize to it share its failures and its
// lock; the others (an accent, a control character) match no account at all.
func variantsOf(name string) []variant {
	return []variant{
		{"mixed case", strings.ToUpper(name[:1]) + name[1:3] + strings.ToUpper(name[3:]), true},
		{"padded", " " + name + " ", true},
		{"fullwidth", fullwidth(name), true},
		{"trailing NUL", name + "\x00", false},
		{"accented", "ä" + name[1:], false},
	}
}

// A locked account stays locked whichever way its name is typed: no spelling has a lock of its
// own, and none that the database might equate with the name (an accent, a NUL) logs in.
func TestLockHoldsForEverySpelling(t *testing.T) {
	env := testkit.Current()
	name, pass := createUser(t, env.Admin(t))
	cl := env.Client()
	for i := 0; i < 5; i++ {
		failLogin(t, cl, name, i >= 3)
	}
	env.Client().Post(t, "/api/auth/login", map[string]string{"username": name, "password": pass}).Expect(t, http.StatusLocked)
	for _, v := range variantsOf(name) {
		t.Run(v.name, func(t *testing.T) {
			r := env.Client().Post(t, "/api/auth/login", map[string]string{"username": v.typed, "password": pass})
			want, code := http.StatusBadRequest, "INVALID_CREDENTIALS"
			if v.same {
				want, code = http.StatusLocked, "ACCOUNT_LOCKED"
			}
			if r.Status != want || r.ErrorCode() != code {
				t.Fatalf("%q with the right password: HTTP %d %s, want %d %s", v.typed, r.Status, r.Raw, want, code)
			}
		})
	}
}

// Every spelling of a name spends the one failure budget of its account, and the captcha rule
// follows it; spellings that mean no account have budgets of their own and cannot touch it.
func TestSpellingsShareOneFailureBudget(t *testing.T) {
	env := testkit.Current()
	name, pass := createUser(t, env.Admin(t))
	var same, other []variant
	for _, v := range variantsOf(name) {
		if v.same {
			same = append(same, v)
		} else {
			other = append(other, v)
		}
	}
	// Three failures each under the names that mean nobody, each from a fresh IP.
	for _, v := range other {
		for i := 0; i < 3; i++ {
			failLogin(t, env.Client(), v.typed, false).Expect(t, 400)
		}
	}
	if captchaRequired(t, env.Client(), name) {
		t.Fatal("failures under names of no account counted against the account")
	}
	// Five failures under five spellings of the account, each from a fresh IP: the fourth needs
	// a captcha, the fifth locks.
	spellings := []string{same[0].typed, same[1].typed, same[2].typed, name, same[0].typed}
	for i, typed := range spellings {
		cl := env.Client()
		if got := captchaRequired(t, cl, typed); got != (i >= 3) {
			t.Fatalf("before failure %d (%q): captcha required = %v", i+1, typed, got)
		}
		r := failLogin(t, cl, typed, i >= 3)
		want := http.StatusBadRequest
		if i == 4 {
			want = http.StatusLocked
		}
		if r.Status != want {
			t.Fatalf("failure %d (%q): HTTP %d %s, want %d", i+1, typed, r.Status, r.Raw, want)
		}
	}
	for _, typed := range []string{name, fullwidth(name)} {
		env.Client().Post(t, "/api/auth/login", map[string]string{"username": typed, "password": pass}).Expect(t, http.StatusLocked)
	}
}

// Logging in with another spelling of the name works and answers the stored name.
func TestLoginAcceptsAnySpelling(t *testing.T) {
	env := testkit.Current()
	name, pass := createUser(t, env.Admin(t))
	for _, typed := range []string{strings.ToUpper(name), " " + name + "\u3000", fullwidth(name)} {
		var d struct {
			Username string `json:"username"`
		}
		env.Client().Post(t, "/api/auth/login", map[string]string{"username": typed, "password": pass}).Expect(t, 200).Decode(t, &d)
		if d.Username != name {
			t.Fatalf("%q logged in as %q, want %q", typed, d.Username, name)
		}
	}
}

// One success from an IP (say, on an account of the attacker's own) does not wipe the failures
// that IP sprayed at other names: the captcha still comes after three.
func TestSuccessKeepsIPFailures(t *testing.T) {
	env := testkit.Current()
	testkit.SetSettings(t, map[string]any{"auth.captchaAfterIpFailures": 3})
	own, pass := createUser(t, env.Admin(t))
	cl := env.Client()
	for i := 0; i < 3; i++ {
		failLogin(t, cl, testkit.UniqueName("spray"), false).Expect(t, 400)
		if i == 1 {
			cl.Post(t, "/api/auth/login", map[string]string{"username": own, "password": pass}).Expect(t, 200)
		}
	}
	if !captchaRequired(t, cl, testkit.UniqueName("spray")) {
		t.Fatal("a success in between reset the IP's failures: spraying never meets a captcha")
	}
}
