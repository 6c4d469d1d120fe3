package derp

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	v1 "kami/api/derp/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/infra/peer"
	"kami/internal/infra/throttle"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
	"kami/utility/ratelimit"
)

// The request-triggered mail limits of §12: ≤ 5 per rolling 10 min per address, ≤ 30 per hour
// per client IP. Contract numbers, so constants.
var (
	mailPerAddress = ratelimit.Limit{Rate: 5, Period: 10 * time.Minute, Burst: 5}
	mailPerIP      = ratelimit.PerHour(30)
)

// mailAddrPurpose keys the per-address limit by an HMAC of the address, so Redis never holds
// the addresses people typed.
const mailAddrPurpose = "mail address limit"

// spendMailLimits counts one request-triggered mail against the client IP and the normalized
// address, whether or not the address has an account (no oracle). Redis down fails closed (503).
func spendMailLimits(ctx context.Context, email string) error {
	if err := throttle.Allow(ctx, "mail-ip:"+peer.RequestIP(ctx), mailPerIP); err != nil {
		return err
	}
	return throttle.Allow(ctx, "mail-addr:"+keyring.LookupHash(mailAddrPurpose, normalizeEmail(email)), mailPerAddress)
}

func normalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// accepted sets the 202 the register and resend routes answer with in every case.
func accepted(ctx context.Context) {
	if r := g.RequestFromCtx(ctx); r != nil {
		r.Response.WriteHeader(http.StatusAccepted)
	}
}

// Register is a customer's self-registration (§5): a pending member under the distributor whose
// customer invite code was given (any case), or the platform; the user service mails the
// foundation's verification link, or an "already registered" notice to an existing owner.
func (s *sDerp) Register(ctx context.Context, req *v1.RegisterReq) (*v1.RegisterRes, error) {
	if !service.Settings().Bool(keyRegisterEnabled) {
		return nil, errs.RegisterClosed.New()
	}
	if err := spendMailLimits(ctx, req.Email); err != nil {
		return nil, err
	}
	parent, err := inviteParent(ctx, req.InviteCode)
	if err != nil {
		return nil, err
	}
	if err = service.User().RegisterMember(ctx, model.MemberInput{Email: req.Email, Password: req.Password,
		ParentID: parent.Id, ParentPath: parent.Path}); err != nil {
		return nil, err
	}
	accepted(ctx)
	return &v1.RegisterRes{}, nil
}

// Resend mails a new verification link to a pending account of that email, if any; the answer
// is the same in every case.
func (s *sDerp) Resend(ctx context.Context, req *v1.ResendReq) (*v1.ResendRes, error) {
	if err := spendMailLimits(ctx, req.Email); err != nil {
		return nil, err
	}
	service.User().ResendMemberVerification(ctx, req.Email)
	accepted(ctx)
	return &v1.ResendRes{}, nil
}

// inviteParent is the active distributor owning code, or the platform (the super-admin) when
// no code is given and none is required; anything else is 400 INVITE_CODE_INVALID.
func inviteParent(ctx context.Context, code string) (*entity.Users, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		if service.Settings().Bool(keyRequireInvite) {
			return nil, errs.InviteInvalid.New()
		}
		return platformUser(ctx)
	}
	cols := dao.DerpDistributors.Columns()
	var d *entity.DerpDistributors
	err := dao.DerpDistributors.Ctx(ctx).Where(cols.InviteCode, code).Where(cols.Status, distActive).Scan(&d)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if d == nil {
		return nil, errs.InviteInvalid.New()
	}
	u, err := userByID(ctx, d.UserId)
	if err != nil || u.Status != consts.StatusEnabled {
		return nil, errs.InviteInvalid.New()
	}
	return u, nil
}

// platformUser is the super-admin, the parent of platform customers.
func platformUser(ctx context.Context) (*entity.Users, error) {
	cols := dao.Users.Columns()
	var u *entity.Users
	err := dao.Users.Ctx(ctx).Where(cols.Role, consts.RoleSuperAdmin).OrderAsc(cols.Id).Limit(1).Scan(&u)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if u == nil {
		return nil, errs.NotFound.New()
	}
	return u, nil
}
