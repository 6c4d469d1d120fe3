// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	authv1 "kami/api/auth/v1"
	sysv1 "kami/api/system/v1"
	v1 "kami/api/user/v1"
	"kami/internal/adapter/smtpmail"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/model"
	"kami/internal/model/entity"
	"time"
)

type (
	IUser interface {
		// EnsureAdmin creates the super-admin `admin` on first boot. The password comes from
		// KAMI_ADMIN_PASSWORD or is generated and printed once; a generated one must be changed at first
		// login. InsertIgnore on the unique username keeps two nodes booting together from racing.
		EnsureAdmin(ctx context.Context) error
		// Create makes a user under the caller with an admin-set password, which the new user must
		// change at first login.
		Create(ctx context.Context, req *sysv1.UserCreateReq) (*sysv1.UserCreateRes, error)
		// List pages through the users in the caller's scope, newest first unless asked otherwise.
		List(ctx context.Context, req *sysv1.UserListReq) (*sysv1.UserListRes, error)
		// Get answers one user: 404 when the id does not exist or is outside the caller's scope alike.
		Get(ctx context.Context, req *sysv1.UserGetReq) (*sysv1.UserGetRes, error)
		// Account is the user row other modules need (role, status, parent, path for scope checks):
		// 404 when there is none. The user module owns the table; the others read it through here.
		Account(ctx context.Context, id int64) (*entity.Users, error)
		// AccountByUsername finds a user by login name in any spelling (the canonical key), or 404.
		AccountByUsername(ctx context.Context, name string) (*entity.Users, error)
		// Usernames maps user ids to their usernames, for lists that show who is on a row.
		Usernames(ctx context.Context, ids []int64) (map[int64]string, error)
		// Update edits the profile fields that were sent; an empty email clears it (stored as NULL).
		Update(ctx context.Context, req *sysv1.UserUpdateReq) (*sysv1.UserUpdateRes, error)
		// SetStatus enables or disables a user. Disabling ends its sessions in the same transaction, so
		// its access token is refused on the next request on every node.
		SetStatus(ctx context.Context, req *sysv1.UserStatusReq) (*sysv1.UserStatusRes, error)
		// SetPassword is the admin reset: the new password is admin-set, so the user must change it at
		// next login, and every session of the user ends.
		SetPassword(ctx context.Context, req *sysv1.UserPasswordReq) (*sysv1.UserPasswordRes, error)
		// CreateMember makes an enabled DERP customer (derp.md §1, §5 POST /customers) under in.ParentID
		// with an admin-set password the customer must change at first login, exactly like the accounts
		// /api/system/user creates; its username is the lower-cased email. The caller (the derp module)
		// has already decided the distributor; this only writes the account and mails its login.
		CreateMember(ctx context.Context, in model.MemberInput) (int64, error)
		// RegisterMember is a DERP customer's self-registration (derp.md §5 POST /api/derp/auth/register):
		// a pending member and the foundation's verification link (POST /api/auth/register/verify). An
		// email that already has an account gets the "already registered" mail instead, after the same
		// password hashing, so the answer tells nobody who has an account. Rate limits are the caller's.
		RegisterMember(ctx context.Context, in model.MemberInput) error
		// ResendMemberVerification mails a fresh verification link to the pending account of email,
		// if there is one, in the background; the older links die. Rate limits are the caller's.
		ResendMemberVerification(ctx context.Context, email string)
		// Info is the caller's profile for Vben's /user/info.
		Info(ctx context.Context, _ *v1.InfoReq) (*v1.InfoRes, error)
		// ChangePassword checks the old password, stores the new one, clears the must-change flag and
		// ends every other session of the user; the current one stays so the panel keeps working. The
		// new password must differ from the old: "changing" a must-change password to itself would
		// clear the flag and keep the password the admin (or a leak) knows.
		ChangePassword(ctx context.Context, req *v1.ChangePasswordReq) (*v1.ChangePasswordRes, error)
		// Purge deletes the user module's dead rows (the auth.purge job calls it): one-time tokens used
		// or expired, and self-registrations never confirmed within their link's validity.
		Purge(ctx context.Context, now time.Time) (int, error)
		// Register creates a pending agent under the agent-admin whose invite code was given and mails
		// a verification link; the account can log in only after the link is opened. A code is
		// required: agents are recruited by an agent-admin, so a stranger cannot open an account
		// directly under the platform.
		//
		// An email that already has an account gets exactly the answer of a fresh registration, after
		// the same password hashing, and its owner a notice instead of a link: the endpoint does not
		// tell who has an account. A taken username is still refused (409): a login name cannot be
		// kept secret from someone choosing one.
		Register(ctx context.Context, req *authv1.RegisterReq) (*authv1.RegisterRes, error)
		// VerifyEmail consumes a verification token: the email is proven and a pending account becomes
		// enabled. An account an admin disabled meanwhile stays disabled.
		VerifyEmail(ctx context.Context, req *authv1.VerifyEmailReq) (*authv1.VerifyEmailRes, error)
		// ResendVerification mails a fresh verification link to the pending sign-up of email, if there
		// is one; the older links die. Like ForgotPassword it answers the same in every case, after the
		// same constant work, with the lookup and the mail in the background.
		ResendVerification(ctx context.Context, req *authv1.ResendVerificationReq) (*authv1.ResendVerificationRes, error)
		// ForgotPassword mails a reset link when the email belongs to an enabled account, and answers
		// exactly the same either way so the endpoint cannot be used to find out which emails exist.
		// The request does the same constant work in both cases (two rate limits and a queue slot):
		// the lookup, the token and the mail happen in the background, so neither the answer nor its
		// timing depends on whether the email is known.
		ForgotPassword(ctx context.Context, req *authv1.ForgotPasswordReq) (*authv1.ForgotPasswordRes, error)
		// ResetPassword sets a new password with a reset token. The password is checked before the
		// token is spent, so a too-weak try does not burn the link. Every session of the user ends,
		// every other reset link dies with this one, and the owner is told by mail.
		ResetPassword(ctx context.Context, req *authv1.ResetPasswordReq) (*authv1.ResetPasswordRes, error)
		// SetMailer hands the service the mailer its mails go through and returns the one it held, so
		// a test that injects a fake can put the real one back.
		SetMailer(m smtpmail.Mailer) (prev smtpmail.Mailer)
		// SetClock hands the service its clock; boot calls it before serving.
		SetClock(c clock.Clock)
		// Configure hands the service the configuration it reads (public URL, first admin password);
		// boot calls it before anything else of the service runs.
		Configure(cfg func() *config.Config)
	}
)

var (
	localUser IUser
)

func User() IUser {
	if localUser == nil {
		panic("implement not found for interface IUser, forgot register?")
	}
	return localUser
}

func RegisterUser(i IUser) {
	localUser = i
}
