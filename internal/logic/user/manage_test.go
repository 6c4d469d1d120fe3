package user_test

import (
	"testing"

	"kami/internal/testkit"
)

func TestDisableRevokesSessions(t *testing.T) {
	su := admin(t)
	b := create(t, su, "agent-admin", nil)
	b.Client.Get(t, "/api/user/info").Expect(t, 200)

	su.Put(t, userPath(b.ID, "/status"), map[string]int{"status": 0}).Expect(t, 200)
	b.Client.Get(t, "/api/user/info").Expect(t, 401)
	b.Client.Post(t, "/api/auth/refresh", nil).Expect(t, 403)
	expectError(t, loginResp(t, b.Username, b.Pass), 403, "ACCOUNT_DISABLED")
	var it userItem
	su.Get(t, userPath(b.ID, "")).Expect(t, 200).Decode(t, &it)
	if it.Status != 0 {
		t.Fatalf("status: %+v", it)
	}

	su.Put(t, userPath(b.ID, "/status"), map[string]int{"status": 1}).Expect(t, 200)
	loginResp(t, b.Username, b.Pass).Expect(t, 200)
}

func TestStatusValidation(t *testing.T) {
	su := admin(t)
	b := createItem(t, su, "agent-admin", nil)
	for name, body := range map[string]any{
		"pending is not settable": map[string]int{"status": 2},
		"negative":                map[string]int{"status": -1},
		"not a number":            map[string]string{"status": "x"},
		"missing":                 map[string]string{},
	} {
		t.Run(name, func(t *testing.T) {
			expectError(t, su.Put(t, userPath(b.ID, "/status"), body), 400, "INVALID_INPUT")
		})
	}
	var it userItem
	su.Get(t, userPath(b.ID, "")).Expect(t, 200).Decode(t, &it)
	if it.Status != 1 {
		t.Fatalf("a refused status change changed the status: %+v", it)
	}
}

func TestAdminPasswordReset(t *testing.T) {
	env := testkit.Current()
	su := admin(t)
	b := create(t, su, "agent-admin", nil)
	second := env.Client().Login(t, b.Username, b.Pass)

	expectError(t, su.Put(t, userPath(b.ID, "/password"), map[string]string{"password": "lettersonly"}), 400, "PASSWORD_WEAK")
	b.Client.Get(t, "/api/user/info").Expect(t, 200) // the refused reset revoked nothing

	su.Put(t, userPath(b.ID, "/password"), map[string]string{"password": "Admin-Set-321"}).Expect(t, 200)
	b.Client.Get(t, "/api/user/info").Expect(t, 401)
	second.Get(t, "/api/user/info").Expect(t, 401)
	expectError(t, loginResp(t, b.Username, b.Pass), 400, "INVALID_CREDENTIALS")

	r := loginResp(t, b.Username, "Admin-Set-321").Expect(t, 200)
	var login struct {
		AccessToken        string `json:"accessToken"`
		MustChangePassword bool   `json:"mustChangePassword"`
	}
	r.Decode(t, &login)
	if !login.MustChangePassword {
		t.Fatalf("an admin-set password must be changed: %s", r.Raw)
	}
	cl := env.Client()
	cl.Token = login.AccessToken
	expectError(t, cl.Get(t, "/api/system/user/list"), 403, "PASSWORD_CHANGE_REQUIRED")
}

func TestUpdateProfile(t *testing.T) {
	su := admin(t)
	b := createItem(t, su, "agent-admin", map[string]string{"realName": "Bea", "remark": "r1"})
	taken := createItem(t, su, "agent-admin", map[string]string{"email": uniqueEmail()})
	email := uniqueEmail()

	var it userItem
	su.Put(t, userPath(b.ID, ""), map[string]string{"email": email}).Expect(t, 200).Decode(t, &it)
	if it.Email != email || it.RealName != "Bea" || it.Remark != "r1" {
		t.Fatalf("only the sent field changes: %+v", it)
	}
	su.Put(t, userPath(b.ID, ""), map[string]string{"realName": "Bea Two", "remark": ""}).Expect(t, 200).Decode(t, &it)
	if it.RealName != "Bea Two" || it.Remark != "" || it.Email != email {
		t.Fatalf("update: %+v", it)
	}
	expectError(t, su.Put(t, userPath(b.ID, ""), map[string]string{"email": taken.Email}), 409, "DUPLICATE")
	expectError(t, su.Put(t, userPath(b.ID, ""), map[string]string{"email": "nope"}), 400, "INVALID_INPUT")
	// Clearing the email stores NULL, so two users without email never collide.
	su.Put(t, userPath(b.ID, ""), map[string]string{"email": ""}).Expect(t, 200).Decode(t, &it)
	if it.Email != "" {
		t.Fatalf("email not cleared: %+v", it)
	}
	su.Put(t, userPath(taken.ID, ""), map[string]string{"email": ""}).Expect(t, 200)
	expectError(t, su.Put(t, userPath(1<<40, ""), map[string]string{"remark": "x"}), 404, "NOT_FOUND")
}

func TestChangeOwnPassword(t *testing.T) {
	env := testkit.Current()
	sink := testkit.MailSink(t)
	email := uniqueEmail()
	su := admin(t)
	b := create(t, su, "agent-admin", map[string]string{"email": email})
	other := env.Client().Login(t, b.Username, b.Pass)
	b.Client.Lang = "en"

	expectError(t, b.Client.Put(t, "/api/user/password", map[string]string{"oldPassword": "Wrong-Pass-1", "newPassword": "New-Pass-2468"}), 400, "OLD_PASSWORD_WRONG")
	expectError(t, b.Client.Put(t, "/api/user/password", map[string]string{"oldPassword": b.Pass, "newPassword": "lettersonly"}), 400, "PASSWORD_WEAK")
	other.Get(t, "/api/user/info").Expect(t, 200) // refused changes revoke nothing

	b.Client.Put(t, "/api/user/password", map[string]string{"oldPassword": b.Pass, "newPassword": "New-Pass-2468"}).Expect(t, 200)
	b.Client.Get(t, "/api/user/info").Expect(t, 200) // the current session stays
	other.Get(t, "/api/user/info").Expect(t, 401)    // every other one ends
	loginResp(t, b.Username, "New-Pass-2468").Expect(t, 200)
	expectError(t, loginResp(t, b.Username, b.Pass), 400, "INVALID_CREDENTIALS")

	m := waitMail(t, sink, email, "Your password was changed")
	if m.From != "noreply@kami.test" {
		t.Fatalf("from %q", m.From)
	}
}
