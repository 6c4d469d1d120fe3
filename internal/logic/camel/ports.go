package camel

import (
	"context"
	"sync/atomic"

	"kami/internal/adapter/camelplatform"
	"kami/internal/adapter/pigsms"
	"kami/internal/service"
)

// platform is the narrow view of the 骆驼加油 platform this module needs (camel-oil.md §5);
// the adapter's errors (camelplatform.ErrTokenRejected, …) tell the outcomes apart.
type platform interface {
	SendCode(ctx context.Context, phone string) error
	Login(ctx context.Context, phone, smsCode string) (camelplatform.Token, error)
	CheckToken(ctx context.Context, token string) error
	PlaceOrder(ctx context.Context, token, outOrderNo string, amount int64) (camelplatform.Placed, error)
	QueryOrder(ctx context.Context, token, orderNo string) (camelplatform.OrderState, error)
}

// smsCodes is the SMS-code platform: occupy a number, poll its code ("" = not yet), release it.
type smsCodes interface {
	GetNumber(ctx context.Context, phone string) (string, error)
	ReadCode(ctx context.Context, phone string) (string, error)
	Release(ctx context.Context, phone string) error
}

// adapters are the real HTTP clients, configured by the live settings on every call, so tests
// (and admins) aim them by settings alone; the fields exist so a unit test can swap one in.
type adapters struct {
	platform atomic.Pointer[platform]
	sms      atomic.Pointer[smsCodes]
}

func (a *adapters) init() {
	var p platform = camelplatform.New(func() string { return service.Settings().String(SettingPlatformBaseURL) })
	var s smsCodes = pigsms.New(func() pigsms.Config {
		st := service.Settings()
		return pigsms.Config{BaseURL: st.String(SettingSMSBaseURL), Token: st.String(SettingSMSToken),
			ProjectID: st.String(SettingSMSProjectID)}
	})
	a.platform.Store(&p)
	a.sms.Store(&s)
}

func (s *sCamel) platform() platform { return *s.adapters.platform.Load() }
func (s *sCamel) sms() smsCodes      { return *s.adapters.sms.Load() }
