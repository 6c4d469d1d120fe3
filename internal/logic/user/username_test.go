package user_test

import (
	"net/url"
	"strings"
	"testing"

	"kami/internal/testkit"
)

// Each form the staff rule refuses gets the one message that states the rule, in both
// languages, and inserts nothing; before, `passport` cut names to 6-18 characters while the
// message said nothing of it.
func TestCreateRefusesUsernamesOutsideTheRule(t *testing.T) {
	su := admin(t)
	msgs := map[string]string{
		"en":    "The username must start with a letter and contain only letters, digits and underscores, 4 to 32 characters",
		"zh-CN": "用户名须以字母开头，只含字母、数字和下划线，长度为 4 到 32 个字符",
	}
	forms := []struct{ name, username string }{
		{"too short", "abc"},
		{"too long", "a" + strings.Repeat("b", 32)},
		{"starts with a digit", "1abcd"},
		{"starts with an underscore", "_abcd"},
		{"inner space", "ab cd"},
		{"NUL", testkit.UniqueName("n") + "\x00"},
		{"inner tab", "ab\tcd"},
		{"trailing newline", testkit.UniqueName("n") + "\n"},
		{"accented letter", "ägent" + testkit.UniqueName("")},
		{"cyrillic look-alike", "аgent" + testkit.UniqueName("")}, // the first letter is U+0430
		{"zero-width space", "ag\u200bent"},
		{"email for staff", uniqueEmail()},
		{"hyphen", "ab-cd"},
	}
	for _, f := range forms {
		for lang, msg := range msgs {
			t.Run(f.name+"/"+lang, func(t *testing.T) {
				before := userCount(t)
				su.Lang = lang
				defer func() { su.Lang = "" }()
				r := su.Post(t, "/api/system/user", map[string]string{"username": f.username, "password": initialPass, "role": "agent-admin"})
				expectError(t, r, 400, "USERNAME_INVALID")
				if r.ErrorText() != msg {
					t.Fatalf("error %q, want %q", r.ErrorText(), msg)
				}
				if userCount(t) != before {
					t.Fatal("a refused name inserted a row")
				}
			})
		}
	}
}

// The whole 4-32 range is accepted (passport allowed only 6-18), stored in its canonical form.
func TestCreateAcceptsTheWholeRule(t *testing.T) {
	su := admin(t)
	for _, typed := range []string{
		"a" + testkit.UniqueName("")[:3],                       // 4 characters
		"a" + strings.Repeat("b", 23) + testkit.UniqueName(""), // 32
		" Mixed_" + testkit.UniqueName("") + " ",
		"Ｆｕｌｌ" + testkit.UniqueName(""),
	} {
		it := createItem(t, su, "agent", map[string]string{"username": typed})
		if it.Username != strings.ToLower(strings.TrimSpace(strings.ReplaceAll(typed, "Ｆｕｌｌ", "full"))) {
			t.Fatalf("%q stored as %q", typed, it.Username)
		}
		loginResp(t, strings.ToUpper(it.Username), initialPass).Expect(t, 200)
	}
}

// A name taken in one spelling is taken in all: 409, never a second account that the login of
// one backend would confuse with the first.
func TestCreateRefusesNameTakenInAnotherSpelling(t *testing.T) {
	su := admin(t)
	first := createItem(t, su, "agent-admin", nil)
	for _, typed := range []string{strings.ToUpper(first.Username), " " + first.Username, strings.ToUpper(first.Username[:1]) + first.Username[1:]} {
		before := userCount(t)
		r := su.Post(t, "/api/system/user", map[string]string{"username": typed, "password": initialPass, "role": "agent-admin"})
		expectError(t, r, 409, "DUPLICATE")
		if userCount(t) != before {
			t.Fatalf("%q inserted a second account", typed)
		}
	}
}

// The list filter matches names in any case and accepts the characters of an email address.
func TestListFilterIgnoresCaseAndTakesEmails(t *testing.T) {
	su := admin(t)
	it := createItem(t, su, "agent-admin", map[string]string{"username": "Case_" + testkit.UniqueName("")})
	for _, q := range []string{it.Username, strings.ToUpper(it.Username), strings.ToUpper(it.Username[2:8])} {
		var l userList
		su.Get(t, "/api/system/user/list?username="+url.QueryEscape(q)).Expect(t, 200).Decode(t, &l)
		if l.Total != 1 || l.Items[0].ID != it.ID {
			t.Fatalf("filter %q: %+v", q, l)
		}
	}
	var l userList
	su.Get(t, "/api/system/user/list?username="+url.QueryEscape("Nobody.Here@Example.com")).Expect(t, 200).Decode(t, &l)
	if l.Total != 0 {
		t.Fatalf("email-shaped filter: %+v", l)
	}
	expectError(t, su.Get(t, "/api/system/user/list?username="+url.QueryEscape("a b")), 400, "INVALID_INPUT")
}
