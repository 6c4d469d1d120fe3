package security

import (
	"context"
	"fmt"
	"regexp"
	"time"
	"unicode/utf8"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/sms"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/redisx"
	"kami/internal/logic/settings"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/utility/text"
)

// SMS settings: the platform account, the approved templates and the send limits.
const (
	SettingSMSEndpoint     = "security.smsEndpoint"
	SettingSMSKeyID        = "security.smsAccessKeyId"
	SettingSMSSecret       = "security.smsAccessSecret"
	SettingSMSSignName     = "security.smsSignName"
	SettingSMSTemplates    = "security.smsTemplates"
	SettingSMSPerNumber    = "security.smsPerNumberPerHour"
	SettingSMSGlobalMinute = "security.smsGlobalPerMinute"
)

// SMSTemplate is an approved template: the platform's code and the variables it takes.
type SMSTemplate struct {
	Code   string   `json:"code"`
	Params []string `json:"params"`
}

func init() {
	settings.Define(settings.Def{Key: SettingSMSEndpoint, Group: "security", Type: settings.TypeString, Default: "https://dysmsapi.aliyuncs.com/"})
	settings.Define(settings.Def{Key: SettingSMSKeyID, Group: "security", Type: settings.TypeString, Default: ""})
	settings.Define(settings.Def{Key: SettingSMSSecret, Group: "security", Type: settings.TypeString, Default: "", Secret: true})
	settings.Define(settings.Def{Key: SettingSMSSignName, Group: "security", Type: settings.TypeString, Default: ""})
	settings.Define(settings.Def{Key: SettingSMSTemplates, Group: "security", Type: settings.TypeJSON, Default: map[string]SMSTemplate{}})
	settings.Define(settings.Def{Key: SettingSMSPerNumber, Group: "security", Type: settings.TypeInt, Default: int64(5),
		Min: settings.Bound(1), Max: settings.Bound(1000)})
	settings.Define(settings.Def{Key: SettingSMSGlobalMinute, Group: "security", Type: settings.TypeInt, Default: int64(60),
		Min: settings.Bound(1), Max: settings.Bound(100_000)})
}

var (
	phoneRule = regexp.MustCompile(`^\+?[0-9]{6,15}$`)
	// A variable is short plain text: no spaces, no links' "?&=", nothing a phishing text needs
	// (underscores allowed: check names such as backup_age are parameters of the alert template).
	paramRule = regexp.MustCompile(`^[\p{Han}\p{L}\p{N}_.:/#-]+$`)
)

// sender is the SMS platform: the real Aliyun adapter, configured from settings at each send (a
// changed key applies at once), unless a test handed a fake in.
func (s *sSecurity) sender() sms.Sender {
	if f := s.smsFake.Load(); f != nil {
		return *f
	}
	st := service.Settings()
	return &sms.Aliyun{Endpoint: st.String(SettingSMSEndpoint), AccessKeyID: st.String(SettingSMSKeyID),
		AccessSecret: st.String(SettingSMSSecret), Now: s.clock.Now}
}

// SendSMS sends the approved template name to phone with params, within the limits, and logs
// the send with the number masked. Free text is impossible by construction: a template is named,
// its parameters are exactly the declared ones, each short plain text.
func (s *sSecurity) SendSMS(ctx context.Context, phone, template string, params map[string]string) error {
	tpl, err := approvedSMS(phone, template, params)
	if err != nil {
		return err
	}
	wait, _, err := s.smsAdmit(ctx, phone)
	if err != nil {
		return err
	}
	if wait > 0 {
		return errs.RateLimited.New(int(wait.Seconds()))
	}
	return s.deliverSMS(ctx, phone, template, tpl, params)
}

// approvedSMS checks a send against the approved templates: the template is configured, the
// number well-formed, the parameters exactly the declared ones, each short plain text.
func approvedSMS(phone, template string, params map[string]string) (SMSTemplate, error) {
	var templates map[string]SMSTemplate
	if err := service.Settings().JSON(SettingSMSTemplates, &templates); err != nil {
		return SMSTemplate{}, err
	}
	tpl, ok := templates[template]
	if !ok || tpl.Code == "" {
		return tpl, errs.SMSTemplateNotApproved.New(template)
	}
	if !phoneRule.MatchString(phone) {
		return tpl, errs.InvalidInput.New()
	}
	if len(params) != len(tpl.Params) {
		return tpl, errs.SMSParamInvalid.New(fmt.Sprint(len(params), "/", len(tpl.Params)))
	}
	for _, name := range tpl.Params {
		v, ok := params[name]
		if !ok || utf8.RuneCountInString(v) > 20 || !paramRule.MatchString(v) {
			return tpl, errs.SMSParamInvalid.New(name)
		}
	}
	return tpl, nil
}

// deliverSMS hands an approved message to the platform and logs the send, whatever its result.
func (s *sSecurity) deliverSMS(ctx context.Context, phone, template string, tpl SMSTemplate, params map[string]string) error {
	res, err := s.sender().Send(ctx, sms.Message{Phone: phone, SignName: service.Settings().String(SettingSMSSignName),
		TemplateCode: tpl.Code, Params: params})
	row := do.SecuritySmsLog{PhoneMasked: MaskPhone(phone), Template: template, TemplateCode: tpl.Code,
		Result: "sent", Detail: res.BizID, CreatedAt: gtime.New(s.clock.Now())}
	if err != nil {
		row.Result, row.Detail = "failed", text.Truncate(err.Error(), 255)
	}
	if _, lerr := dao.SecuritySmsLog.Ctx(ctx).Data(row).Insert(); lerr != nil {
		g.Log().Warningf(ctx, "sms log: %v", lerr)
	}
	if err != nil {
		return errs.Unavailable.Wrap(err)
	}
	return nil
}

// smsAdmit counts the send against the global per-minute and the number's hourly limit. Over
// either it answers the window's length as the wait (global says it was the global one). The
// global one goes first: it protects the platform account, so a unit it spends on a number then
// refused is the safe side.
func (s *sSecurity) smsAdmit(ctx context.Context, phone string) (wait time.Duration, global bool, err error) {
	st := service.Settings()
	for _, lim := range []struct {
		key    string
		window time.Duration
		max    int64
		global bool
	}{
		{redisx.Key("security", "sms", "global"), time.Minute, st.Int(SettingSMSGlobalMinute), true},
		{redisx.Key("security", "sms", "number", phone), time.Hour, st.Int(SettingSMSPerNumber), false},
	} {
		v, err := countScript.Run(ctx, g.Redis(), []string{lim.key}, lim.window.Milliseconds())
		if err != nil {
			return 0, false, errs.Unavailable.Wrap(err)
		}
		if v.Int64() > lim.max {
			return lim.window, lim.global, nil
		}
	}
	return 0, false, nil
}

// MaskPhone keeps the first three and last four digits: 13800138000 → 138****8000.
func MaskPhone(p string) string {
	if len(p) < 8 {
		return "****"
	}
	return p[:3] + "****" + p[len(p)-4:]
}

// SetSMSSender hands the service a sender instead of the Aliyun adapter (nil: back to it).
func (s *sSecurity) SetSMSSender(f sms.Sender) {
	if f == nil {
		s.smsFake.Store(nil)
		return
	}
	s.smsFake.Store(&f)
}
