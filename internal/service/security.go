// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/security/v1"
	"kami/internal/adapter/sms"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/model"
	"kami/internal/model/entity"

	"github.com/gogf/gf/v2/net/ghttp"
)

type (
	ISecurity interface {
		// AlertList pages the fault alerts, newest first by default.
		AlertList(ctx context.Context, req *v1.AlertListReq) (*v1.AlertListRes, error)
		// Watch is the admin API middleware that counts each successful sensitive operation of the
		// caller and takes the measure a threshold names when the count reaches it: notify at
		// security.burstNotify, require a captcha at security.burstCaptcha, lock at security.burstLock.
		// Each threshold fires once per window (the count equals it once). A failure to count never
		// fails the request: the operation already happened.
		Watch(r *ghttp.Request)
		// CaptchaRequired reports whether a burst measure requires a captcha of the user's logins.
		CaptchaRequired(ctx context.Context, userID int64) (bool, error)
		// CheckLocked refuses the login of a user an anomaly lock holds: 423 ACCOUNT_ANOMALY_LOCKED.
		CheckLocked(ctx context.Context, userID int64) error
		// LockList pages the locks in force on users in the caller's scope.
		LockList(ctx context.Context, req *v1.LockListReq) (*v1.LockListRes, error)
		// Unlock lifts a lock for the locked user's superior: a lock on a user outside the caller's
		// scope is 404 like a missing one, the user's own lock is 403 SECURITY_UNLOCK_SELF, and a lock
		// lifted meanwhile is 409 (the guarded update lets one of two racing unlocks win).
		Unlock(ctx context.Context, req *v1.LockUnlockReq) (*v1.LockUnlockRes, error)
		// UnlockUser lifts every lock of the named user, for `kami unlock USER` on a server (lifted_by
		// 0): the way out of a super-admin's lock before it expires.
		UnlockUser(ctx context.Context, name string) (int64, error)
		// List pages the security log rows the caller may see.
		List(ctx context.Context, req *v1.EventListReq) (*v1.EventListRes, error)
		// Export downloads every security log row matching the filter (not one page), with the kind,
		// severity and measure in the reader's language.
		Export(ctx context.Context, req *v1.EventExportReq) (*model.Download, error)
		// LoginSMSCheck is the second step of u's login, after its password was right: nil when no code
		// is needed (the setting is off, or u has no phone) or code is the one sent.
		LoginSMSCheck(ctx context.Context, u *entity.Users, code string) error
		// SetRedisPinger replaces the Redis probe (nil: g.Redis()) and returns the previous one, so a
		// test can point the monitor at a Redis it starts and stops itself.
		SetRedisPinger(p func(context.Context) error) func(context.Context) error
		// Monitor runs every check once and applies its finding to the alerts; it reports how many
		// checks failed. A check's own failure to run is its finding, never the job's error.
		Monitor(ctx context.Context) (int, error)
		// CheckLogin runs on every successful login, before it is written to the login log: a login from
		// a place where the user has not logged in within security.regionWindow (异地登录) is an anomaly,
		// recorded and notified. The place is the offline geo location ("country region city"), so a
		// move to another city, province or country counts. The LAN and unknown places never do (they
		// say nothing about where the person is), and a user with no placed login in the window has no
		// usual region yet: its first placed login sets one instead of alarming.
		CheckLogin(ctx context.Context, u *entity.Users, ip string) error
		// SetClock hands the service its clock; boot calls it before serving.
		SetClock(c clock.Clock)
		// Configure hands the service the configuration it reads; boot calls it before serving.
		Configure(cfg func() *config.Config)
		// SendSMS sends the approved template name to phone with params, within the limits, and logs
		// the send with the number masked. Free text is impossible by construction: a template is named,
		// its parameters are exactly the declared ones, each short plain text.
		SendSMS(ctx context.Context, phone string, template string, params map[string]string) error
		// SetSMSSender hands the service a sender instead of the Aliyun adapter (nil: back to it).
		SetSMSSender(f sms.Sender)
		// SMSLogList pages the SMS send log. The number is stored masked only, so the last four digits
		// are all a filter can match on.
		SMSLogList(ctx context.Context, req *v1.SMSLogListReq) (*v1.SMSLogListRes, error)
		// SMSTestSend sends one approved template, as any send: reviewed, limited and logged.
		SMSTestSend(ctx context.Context, req *v1.SMSTestSendReq) (*v1.SMSTestSendRes, error)
	}
)

var (
	localSecurity ISecurity
)

func Security() ISecurity {
	if localSecurity == nil {
		panic("implement not found for interface ISecurity, forgot register?")
	}
	return localSecurity
}

func RegisterSecurity(i ISecurity) {
	localSecurity = i
}
