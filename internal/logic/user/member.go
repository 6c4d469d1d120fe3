package user

import (
	"context"
	"strings"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/utility/dbx"
	"kami/utility/password"
)

// CreateMember makes an enabled DERP customer (derp.md §1, §5 POST /customers) under in.ParentID
// with an admin-set password the customer must change at first login, exactly like the accounts
// /api/system/user creates; its username is the lower-cased email. The caller (the derp module)
// has already decided the distributor; this only writes the account and mails its login.
func (s *sUser) CreateMember(ctx context.Context, in model.MemberInput) (int64, error) {
	email := normEmail(in.Email)
	id, err := insertUser(ctx, newUser{
		Username: email, PasswordPlain: in.Password, Role: consts.RoleMember, Email: email,
		RealName: strings.TrimSpace(in.RealName), Remark: in.Remark, Status: consts.StatusEnabled,
		MustChangePassword: true, ParentID: in.ParentID, ParentPath: in.ParentPath,
	}, nil)
	if err != nil {
		return 0, err
	}
	u, err := mustGet(ctx, id)
	if err != nil {
		return 0, err
	}
	s.mailAccountInfo(ctx, u)
	return id, nil
}

// RegisterMember is a DERP customer's self-registration (derp.md §5 POST /api/derp/auth/register):
// a pending member and the foundation's verification link (POST /api/auth/register/verify). An
// email that already has an account gets the "already registered" mail instead, after the same
// password hashing, so the answer tells nobody who has an account. Rate limits are the caller's.
func (s *sUser) RegisterMember(ctx context.Context, in model.MemberInput) error {
	email := normEmail(in.Email)
	if _, err := storedUsername(email, consts.RoleMember); err != nil {
		return err
	}
	if err := checkStrength(in.Password); err != nil {
		return err
	}
	owner, err := emailOwner(ctx, email)
	if err != nil {
		return err
	}
	if owner == nil {
		// The username is the email, so an account may hold it as its login name only.
		if owner, err = usernameOwner(ctx, email); err != nil {
			return err
		}
	}
	if owner != nil {
		_, _ = password.Hash(in.Password) // the work a fresh registration does
		_, err = s.alreadyRegistered(ctx, owner)
		return err
	}
	var token string
	_, err = insertUser(ctx, newUser{
		Username: email, PasswordPlain: in.Password, Role: consts.RoleMember, Email: email,
		Status: consts.StatusPending, ParentID: in.ParentID, ParentPath: in.ParentPath,
	}, func(ctx context.Context, id int64) (err error) {
		token, err = s.issueToken(ctx, id, purposeVerify, verifyTTL())
		return err
	})
	if isDuplicateEmail(err, email) { // the username and the email are the same value
		// A request racing with this one registered it first: answer as if it had come first.
		if owner, lookupErr := emailOwner(ctx, email); lookupErr == nil && owner != nil {
			_, err = s.alreadyRegistered(ctx, owner)
			return err
		}
	}
	if err != nil {
		return err
	}
	s.sendLater(ctx, mailWithLink(ctx, "verify", &entity.Users{Username: email, Email: email},
		s.panelLink("verify-email", token), verifyTTL()))
	return nil
}

// ResendMemberVerification mails a fresh verification link to the pending account of email,
// if there is one, in the background; the older links die. Rate limits are the caller's.
func (s *sUser) ResendMemberVerification(ctx context.Context, email string) {
	email = normEmail(email)
	runInBackground(ctx, "verification mail", func(ctx context.Context) error {
		return s.mailVerifyAgain(ctx, email)
	})
}

// usernameOwner is the account whose login name is name, or nil.
func usernameOwner(ctx context.Context, name string) (*entity.Users, error) {
	var u entity.Users
	err := dao.Users.Ctx(ctx).Where(dao.Users.Columns().UsernameKey, name).Scan(&u)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if u.Id == 0 {
		return nil, nil
	}
	return &u, nil
}
