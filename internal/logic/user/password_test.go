package user_test

import (
	"testing"

	"kami/internal/testkit"
)

// A must-change password cannot be "changed" to itself: that would clear the flag and keep the
// password the admin set. The flag stays until a different password is chosen.
func TestChangePasswordRefusesTheSamePassword(t *testing.T) {
	it := createItem(t, admin(t), "agent-admin", nil)
	cl := testkit.Current().Client().Login(t, it.Username, initialPass)
	r := cl.Put(t, "/api/user/password", map[string]string{"oldPassword": initialPass, "newPassword": initialPass})
	expectError(t, r, 400, "PASSWORD_UNCHANGED")
	var info struct {
		MustChangePassword bool `json:"mustChangePassword"`
	}
	cl.Get(t, "/api/user/info").Expect(t, 200).Decode(t, &info)
	if !info.MustChangePassword {
		t.Fatal("the refused change cleared the must-change flag")
	}
	cl.Put(t, "/api/user/password", map[string]string{"oldPassword": initialPass, "newPassword": initialPass + "x"}).Expect(t, 200)
}

// An admin may reset a user to the password it has now: refusing would tell the admin what the
// user's current password is.
func TestAdminResetToTheCurrentPasswordIsAllowed(t *testing.T) {
	su := admin(t)
	b := create(t, su, "agent-admin", nil)
	su.Put(t, userPath(b.ID, "/password"), map[string]string{"password": b.Pass}).Expect(t, 200)
	var login struct {
		MustChangePassword bool `json:"mustChangePassword"`
	}
	loginResp(t, b.Username, b.Pass).Expect(t, 200).Decode(t, &login)
	if !login.MustChangePassword {
		t.Fatal("an admin-set password must be changed at next login")
	}
}
