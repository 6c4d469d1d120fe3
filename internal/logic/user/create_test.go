package user_test

import (
	"strings"
	"testing"
	"time"

	"kami/internal/testkit"
)

func TestCreatedAgentAdminMustChangePassword(t *testing.T) {
	env := testkit.Current()
	it := createItem(t, admin(t), "agent-admin", map[string]string{"realName": "Ann", "remark": "north"})
	if it.ParentID != adminID(t) || it.Status != 1 || !it.MustChangePassword || it.RealName != "Ann" || it.Remark != "north" {
		t.Fatalf("created: %+v", it)
	}
	if len(it.InviteCode) != 10 {
		t.Fatalf("an agent-admin gets an invite code: %+v", it)
	}
	if _, err := time.Parse(time.RFC3339, it.CreatedAt); err != nil || !strings.HasSuffix(it.CreatedAt, "+08:00") {
		t.Fatalf("createdAt %q: want RFC 3339 in Asia/Shanghai (%v)", it.CreatedAt, err)
	}
	if it.LastLoginAt != nil {
		t.Fatalf("never logged in: lastLoginAt %v", *it.LastLoginAt)
	}

	cl := env.Client()
	r := cl.Post(t, "/api/auth/login", map[string]string{"username": it.Username, "password": initialPass}).Expect(t, 200)
	var login struct {
		AccessToken        string `json:"accessToken"`
		MustChangePassword bool   `json:"mustChangePassword"`
	}
	r.Decode(t, &login)
	if !login.MustChangePassword {
		t.Fatalf("first login must ask for a password change: %s", r.Raw)
	}
	cl.Token = login.AccessToken
	// Login-level routes work; RBAC-checked ones wait for the change.
	cl.Get(t, "/api/user/info").Expect(t, 200)
	expectError(t, cl.Get(t, "/api/system/user/list"), 403, "PASSWORD_CHANGE_REQUIRED")
	expectError(t, cl.Get(t, userPath(it.ID, "")), 403, "PASSWORD_CHANGE_REQUIRED")
	cl.Put(t, "/api/user/password", map[string]string{"oldPassword": initialPass, "newPassword": "Changed-Pass-9"}).Expect(t, 200)
	// Needs RBAC to grant agent-admin the route.
	cl.Get(t, "/api/system/user/list").Expect(t, 200)

	var again userItem
	admin(t).Get(t, userPath(it.ID, "")).Expect(t, 200).Decode(t, &again)
	if again.MustChangePassword || again.LastLoginAt == nil || again.LastLoginIP == "" {
		t.Fatalf("after change: %+v", again)
	}
}

// TestCreateRoleRules: each role creates its child role under itself; the super-admin may also
// create agents directly; nobody creates its own level or above.
func TestCreateRoleRules(t *testing.T) {
	su := admin(t)
	aa := create(t, su, "agent-admin", nil)
	ag := create(t, aa.Client, "agent", nil) // needs RBAC to grant agent-admin the route
	cases := []struct {
		name       string
		by         *testkit.Client
		parent     int64
		role       string
		wantStatus int
	}{
		{"super-admin creates agent-admin", su, adminID(t), "agent-admin", 200},
		{"super-admin creates agent under itself", su, adminID(t), "agent", 200},
		{"super-admin cannot create super-admin", su, 0, "super-admin", 403},
		{"agent-admin creates agent under itself", aa.Client, aa.ID, "agent", 200},
		{"agent-admin cannot create agent-admin", aa.Client, 0, "agent-admin", 403},
		{"agent-admin cannot create super-admin", aa.Client, 0, "super-admin", 403},
		{"agent cannot create agent", ag.Client, 0, "agent", 403},
		{"agent cannot create agent-admin", ag.Client, 0, "agent-admin", 403},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := userCount(t)
			r := c.by.Post(t, "/api/system/user", map[string]string{"username": testkit.UniqueName("c"), "password": initialPass, "role": c.role})
			if c.wantStatus != 200 {
				expectError(t, r, c.wantStatus, "FORBIDDEN")
				if userCount(t) != before {
					t.Fatal("a refused create inserted a row")
				}
				return
			}
			var it userItem
			r.Expect(t, 200).Decode(t, &it)
			if it.ParentID != c.parent || it.Role != c.role || !it.MustChangePassword {
				t.Fatalf("created %+v", it)
			}
			if c.role == "agent" && it.InviteCode != "" {
				t.Fatalf("agents have no invite code: %+v", it)
			}
		})
	}
}

func TestCreateValidation(t *testing.T) {
	su := admin(t)
	valid := func(change map[string]any) map[string]any {
		b := map[string]any{"username": testkit.UniqueName("v"), "password": initialPass, "role": "agent-admin"}
		for k, v := range change {
			b[k] = v
		}
		return b
	}
	cases := []struct {
		name string
		body any
		code string
	}{
		{"username missing", valid(map[string]any{"username": ""}), "INVALID_INPUT"},
		{"password too short", valid(map[string]any{"password": "a1b2"}), "INVALID_INPUT"},
		{"password without digit", valid(map[string]any{"password": "onlyletters"}), "PASSWORD_WEAK"},
		{"password without letter", valid(map[string]any{"password": "1234567890"}), "PASSWORD_WEAK"},
		{"unknown role", valid(map[string]any{"role": "root"}), "INVALID_INPUT"},
		{"missing role", valid(map[string]any{"role": ""}), "INVALID_INPUT"},
		{"bad email", valid(map[string]any{"email": "not-an-email"}), "INVALID_INPUT"},
		{"remark too long", valid(map[string]any{"remark": strings.Repeat("x", 256)}), "INVALID_INPUT"},
		{"malformed json", "{nope", "INVALID_INPUT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := userCount(t)
			expectError(t, su.Post(t, "/api/system/user", c.body), 400, c.code)
			if n := userCount(t); n != before {
				t.Fatalf("users %d -> %d: a refused create inserted a row", before, n)
			}
		})
	}
}

func TestCreateDuplicate(t *testing.T) {
	su := admin(t)
	email := uniqueEmail()
	first := createItem(t, su, "agent-admin", map[string]string{"email": email})
	if first.Email != email {
		t.Fatalf("email: %+v", first)
	}
	cases := []struct {
		name string
		body map[string]string
	}{
		{"same username", map[string]string{"username": first.Username, "password": initialPass, "role": "agent-admin"}},
		{"same email", map[string]string{"username": testkit.UniqueName("d"), "password": initialPass, "role": "agent-admin", "email": email}},
		{"same email other case", map[string]string{"username": testkit.UniqueName("d"), "password": initialPass, "role": "agent", "email": strings.ToUpper(email)}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := userCount(t)
			r := su.Post(t, "/api/system/user", c.body)
			expectError(t, r, 409, "DUPLICATE")
			if strings.Contains(strings.ToLower(string(r.Raw)), "insert") || strings.Contains(string(r.Raw), "UNIQUE") {
				t.Fatalf("SQL text leaked: %s", r.Raw)
			}
			if userCount(t) != before {
				t.Fatal("duplicate inserted a row")
			}
		})
	}
	// Users without email do not collide with each other (NULL, not "").
	createItem(t, su, "agent-admin", nil)
	createItem(t, su, "agent-admin", map[string]string{"email": ""})
}

// TestCreateConcurrentDuplicates: when requests race past the duplicate check, the unique index
// decides, and the losers still get 409 DUPLICATE (never a 500 with SQL text).
func TestCreateConcurrentDuplicates(t *testing.T) {
	su := admin(t)
	name, email := testkit.UniqueName("race"), uniqueEmail()
	const n = 8
	statuses := make(chan int, n)
	for i := 0; i < n; i++ {
		go func() {
			r, err := su.DoErr("POST", "/api/system/user", map[string]string{
				"username": name, "password": initialPass, "role": "agent-admin", "email": email,
			})
			if err != nil {
				statuses <- -1
				return
			}
			if r.Status == 409 && r.ErrorCode() != "DUPLICATE" {
				statuses <- -409
				return
			}
			statuses <- r.Status
		}()
	}
	count := map[int]int{}
	for i := 0; i < n; i++ {
		count[<-statuses]++
	}
	if count[200] != 1 || count[409] != n-1 {
		t.Fatalf("want one 200 and %d 409s, got %v", n-1, count)
	}
}
