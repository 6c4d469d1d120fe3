package user

import (
	"kami/internal/errs"
	"kami/utility/username"
)

// roleMember is the DERP customer role (derp.md); it moves to internal/consts with that work.
const roleMember = "member"

// storedUsername is the name a new account of role is stored under: the canonical form, checked
// against the role's rule, each rule refused with the one message that states it. Customers are
// named by their email address; everyone else follows the staff rule. The canonical form is also
// what is displayed, so the name in lists, logs and the login answer is the one that logs in.
func storedUsername(raw, role string) (string, error) {
	name := username.Canonical(raw)
	if role == roleMember {
		if username.CheckEmail(name) != nil {
			return "", errs.UsernameNotEmail.New()
		}
		return name, nil
	}
	if username.CheckStaff(name) != nil {
		return "", errs.UsernameInvalid.New()
	}
	return name, nil
}
