package security

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/errs"
	"kami/internal/infra/redisx"
	"kami/internal/logic/settings"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/redisscript"
)

// SMS login codes (seed 001 §12.2 "短信用于验证码"): with security.loginSmsCode on, a login of an
// account that has a phone takes a second step. The right password alone sends a 6-digit code as
// the approved template loginCodeTemplate and answers SMS_CODE_REQUIRED; the same login with
// smsCode set then succeeds. The code is sent only after the password was right, so neither the
// send nor its answer tells a stranger anything, and the SMS limits bound what a password thief
// can make the platform send. A code is good for 5 minutes and for one try: a wrong one burns it.
const (
	SettingLoginSMSCode = "security.loginSmsCode"
	loginCodeTemplate   = "auth.loginCode"
	loginCodeTTL        = 5 * time.Minute
)

func init() {
	settings.Define(settings.Def{Key: SettingLoginSMSCode, Group: "security", Type: settings.TypeBool, Default: false})
}

func loginCodeKey(userID int64) string {
	return redisx.Key("security", "logincode", strconv.FormatInt(userID, 10))
}

// takeCode reads and deletes the code in one step, so two racing logins cannot both use it.
var takeCode = redisscript.New(`local v = redis.call('GET', KEYS[1])
if v then redis.call('DEL', KEYS[1]) end
return v`)

// LoginSMSCheck is the second step of u's login, after its password was right: nil when no code
// is needed (the setting is off, or u has no phone) or code is the one sent.
func (s *sSecurity) LoginSMSCheck(ctx context.Context, u *entity.Users, code string) error {
	if !service.Settings().Bool(SettingLoginSMSCode) || u == nil || u.Phone == "" {
		return nil
	}
	code = strings.TrimSpace(code)
	if code != "" {
		v, err := takeCode.Run(ctx, g.Redis(), []string{loginCodeKey(u.Id)})
		if err != nil {
			return errs.Unavailable.Wrap(err)
		}
		if v.IsNil() || subtle.ConstantTimeCompare([]byte(v.String()), []byte(code)) != 1 {
			return errs.SMSCodeInvalid.New()
		}
		return nil
	}
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return err
	}
	fresh := fmt.Sprintf("%06d", n.Int64())
	if _, err = g.Redis().Do(ctx, "SET", loginCodeKey(u.Id), fresh, "PX", loginCodeTTL.Milliseconds()); err != nil {
		return errs.Unavailable.Wrap(err)
	}
	if err = s.SendSMS(ctx, u.Phone, loginCodeTemplate, map[string]string{"code": fresh}); err != nil {
		return err
	}
	return errs.SMSCodeRequired.New(MaskPhone(u.Phone))
}
