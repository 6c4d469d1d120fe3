package camel

import (
	"context"
	"errors"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/camel/v1"
	"kami/internal/adapter/camelplatform"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/model/entity"
)

// LoginAccount is POST /accounts/{id}/login: pending_login → logging_in now (guarded, 409
// INVALID_STATE otherwise), the SMS round trip in the background.
func (s *sCamel) LoginAccount(ctx context.Context, req *v1.AccountLoginReq) (*v1.AccountLoginRes, error) {
	a, err := findAccount(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if err = s.startLogin(ctx, a.Id, operatorOf(ctx), "login started by an admin"); err != nil {
		return nil, err
	}
	go s.runLogin(context.WithoutCancel(ctx), a) //nolint:contextcheck // outlives the request on purpose
	if a, err = findAccount(ctx, req.Id); err != nil {
		return nil, err
	}
	return &v1.AccountLoginRes{AccountItem: s.accountItem(a)}, nil
}

// startLogin is the guarded pending_login → logging_in.
func (s *sCamel) startLogin(ctx context.Context, id, operator int64, reason string) error {
	return dao.CamelOilAccount.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		ok, err := s.move(ctx, tx, id, StatusPendingLogin, StatusLoggingIn, reason, operator, nil)
		if err == nil && !ok {
			return errs.InvalidState.New()
		}
		return err
	})
}

// runLogin is one login of an account already logging_in (camel-oil.md §1): occupy the number
// on the SMS platform, ask the platform for a code, poll the code every smsPollMs up to
// smsTimeoutS, log in; the number is released on every path. Success → online with the sealed
// token; failure → pending_login, or invalid after maxLoginFailures failures in a row.
func (s *sCamel) runLogin(ctx context.Context, a *entity.CamelOilAccount) {
	tok, err := s.loginRoundTrip(ctx, a.Phone)
	cols := dao.CamelOilAccount.Columns()
	err = dao.CamelOilAccount.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if err == nil {
			sealed, serr := keyring.Seal(secretPurpose, []byte(tok.Token))
			if serr != nil {
				return serr
			}
			_, merr := s.move(ctx, tx, a.Id, StatusLoggingIn, StatusOnline, "logged in", 0, gdb.Map{cols.Token: sealed,
				cols.TokenExpireAt: gtime.NewFromTime(tok.ExpiresAt.UTC()), cols.LastLoginAt: s.now(),
				cols.FailCount: 0, cols.FailureReason: ""})
			return merr
		}
		var cur *entity.CamelOilAccount
		if rerr := dao.CamelOilAccount.Ctx(ctx).TX(tx).WherePri(a.Id).Scan(&cur); rerr != nil || cur == nil {
			return rerr
		}
		fails := cur.FailCount + 1
		to := StatusPendingLogin
		if int64(fails) >= settingInt(SettingMaxLoginFailures) {
			to = StatusInvalid
		}
		reason := "login failed: " + err.Error()
		if len(reason) > 250 {
			reason = reason[:250]
		}
		_, merr := s.move(ctx, tx, a.Id, StatusLoggingIn, to, reason, 0, gdb.Map{cols.FailCount: fails,
			cols.FailureReason: reason})
		return merr
	})
	if err != nil {
		logError(ctx, "camel_oil: login of account", err)
	}
}

var errNoCode = errors.New("no SMS code within smsTimeoutS")

func (s *sCamel) loginRoundTrip(ctx context.Context, phone string) (camelplatform.Token, error) {
	sms := s.sms()
	number, err := sms.GetNumber(ctx, phone)
	if err != nil {
		return camelplatform.Token{}, err
	}
	defer func() {
		if rerr := sms.Release(context.WithoutCancel(ctx), number); rerr != nil {
			logError(ctx, "camel_oil: releasing an SMS number", rerr)
		}
	}()
	if err = s.platform().SendCode(ctx, phone); err != nil {
		return camelplatform.Token{}, err
	}
	poll := time.Duration(settingInt(SettingSMSPollMs)) * time.Millisecond
	// A count of polls, not a deadline on the clock: the wait is real time whatever the
	// service's clock says (a frozen test clock must not make it endless).
	tries := int(time.Duration(settingInt(SettingSMSTimeoutS))*time.Second/poll) + 1
	for i := range tries {
		code, err := sms.ReadCode(ctx, number)
		if err != nil {
			return camelplatform.Token{}, err
		}
		if code != "" {
			return s.platform().Login(ctx, phone, code)
		}
		if i == tries-1 {
			break
		}
		t := time.NewTimer(poll)
		select {
		case <-ctx.Done():
			t.Stop()
			return camelplatform.Token{}, ctx.Err()
		case <-t.C:
		}
	}
	return camelplatform.Token{}, errNoCode
}

// CheckAccount is POST /accounts/{id}/check: platform.CheckToken; a rejected token sends the
// account to pending_login.
func (s *sCamel) CheckAccount(ctx context.Context, req *v1.AccountCheckReq) (*v1.AccountCheckRes, error) {
	a, err := findAccount(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	valid := false
	if token, oerr := keyring.Open(secretPurpose, a.Token); oerr == nil && a.Token != "" {
		err = s.platform().CheckToken(ctx, string(token))
		valid = err == nil
		if err != nil && !errors.Is(err, camelplatform.ErrTokenRejected) {
			return nil, errs.CamelPlatformUnavailable.Wrap(err)
		}
	}
	if !valid && (a.Status == StatusOnline || a.Status == StatusPausedDaily) {
		s.fault(ctx, a, false, StatusPendingLogin, "token rejected on check")
	}
	if a, err = findAccount(ctx, req.Id); err != nil {
		return nil, err
	}
	return &v1.AccountCheckRes{AccountItem: s.accountItem(a), Valid: valid}, nil
}
