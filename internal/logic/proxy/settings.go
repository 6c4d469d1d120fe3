package proxy

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"time"

	v1 "kami/api/proxy/v1"
	sysv1 "kami/api/system/v1"
	"kami/internal/adapter/ipipv"
	"kami/internal/logic/settings"
	"kami/internal/service"
)

// The proxy.* settings (§1): the typed view /api/proxy/settings edits the same keys the core
// settings page shows, so one store, one change log and one secret sealing serve both.
const (
	keyBaseURL       = "proxy.baseUrl"
	keyAppKey        = "proxy.appKey"
	keyAppSecret     = "proxy.appSecret"
	keyEncrypt       = "proxy.encrypt"
	keyAccountPrefix = "proxy.accountPrefix"
	keyRPS           = "proxy.rps"
	keyAllowIPs      = "proxy.callbackAllowIps"
	keyCallbackToken = "proxy.callbackToken"
	keyCallbackRate  = "proxy.callbackRatePerIp" // callbacks per second from one IP (§4: 50)
	// Alert rules (seed 000): low upstream balance, failed syncs in a row, stuck order age.
	keyAlertLowCoin     = "proxy.alertLowCoin"
	keyAlertFailedSyncs = "proxy.alertFailedSyncs"
	keyAlertStuckAfter  = "proxy.alertStuckOrderAfter"
)

var prefixRule = regexp.MustCompile(`^[a-z]{2,8}$`)

func init() {
	str := func(key, def string, check func(string) error) {
		settings.Define(settings.Def{Key: key, Group: "proxy", Type: settings.TypeString, Default: def,
			Secret:   key == keyAppSecret || key == keyCallbackToken,
			Validate: func(v any) error { return check(v.(string)) }})
	}
	str(keyBaseURL, "https://api.ipipv.com", checkBaseURL)
	str(keyAppKey, "", func(string) error { return nil })
	str(keyAppSecret, "", func(s string) error {
		if s != "" && !ipipv.ValidSecret(s) {
			return fmt.Errorf("the appSecret must be exactly 16, 24 or 32 bytes")
		}
		return nil
	})
	str(keyCallbackToken, "", func(s string) error {
		if s != "" && len(s) != 32 {
			return fmt.Errorf("the callback token is 32 characters")
		}
		return nil
	})
	settings.Define(settings.Def{Key: keyEncrypt, Group: "proxy", Type: settings.TypeString, Default: "AES", Enum: []string{"AES"}})
	str(keyAccountPrefix, "kami", func(s string) error {
		if !prefixRule.MatchString(s) {
			return fmt.Errorf("the account prefix is 2 to 8 lower-case letters")
		}
		return nil
	})
	settings.Define(settings.Def{Key: keyRPS, Group: "proxy", Type: settings.TypeInt, Default: int64(20),
		Min: settings.Bound(1), Max: settings.Bound(1000)})
	settings.Define(settings.Def{Key: keyCallbackRate, Group: "proxy", Type: settings.TypeInt, Default: int64(50),
		Min: settings.Bound(1), Max: settings.Bound(100000)})
	settings.Define(settings.Def{Key: keyAllowIPs, Group: "proxy", Type: settings.TypeStrings, Default: []string{},
		Validate: func(v any) error {
			for _, c := range v.([]string) {
				if _, _, err := net.ParseCIDR(c); err != nil {
					return fmt.Errorf("%q is not a CIDR", c)
				}
			}
			return nil
		}})
	settings.Define(settings.Def{Key: keyAlertLowCoin, Group: "proxy", Type: settings.TypeInt, Default: int64(10000),
		Min: settings.Bound(0), Max: settings.Bound(1 << 40)})
	settings.Define(settings.Def{Key: keyAlertFailedSyncs, Group: "proxy", Type: settings.TypeInt, Default: int64(3),
		Min: settings.Bound(1), Max: settings.Bound(100)})
	settings.Define(settings.Def{Key: keyAlertStuckAfter, Group: "proxy", Type: settings.TypeDuration, Default: 24 * time.Hour,
		Min: settings.Bound(int64(time.Minute)), Max: settings.Bound(int64(30 * 24 * time.Hour))})
}

func checkBaseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("the base URL must be an absolute http or https URL without a query")
	}
	return nil
}

// upstreamConfig reads the settings as they are now.
func upstreamConfig() ipipv.Config {
	st := service.Settings()
	return ipipv.Config{BaseURL: st.String(keyBaseURL), AppKey: st.String(keyAppKey),
		AppSecret: st.String(keyAppSecret), Encrypt: st.String(keyEncrypt)}
}

func (s *sProxy) settingsView(ctx context.Context) (*v1.SettingsView, error) {
	token, err := s.callbackToken(ctx, false)
	if err != nil {
		return nil, err
	}
	st := service.Settings()
	return &v1.SettingsView{BaseUrl: st.String(keyBaseURL), AppKey: st.String(keyAppKey),
		AppSecretSet: st.String(keyAppSecret) != "", Encrypt: st.String(keyEncrypt),
		AccountPrefix: st.String(keyAccountPrefix), Rps: st.Int(keyRPS),
		CallbackAllowIps: append([]string{}, st.Strings(keyAllowIPs)...),
		CallbackPath:     "/api/proxy/callback/" + token}, nil
}

// callbackToken returns the token, creating it on first use (or always when rotate).
func (s *sProxy) callbackToken(ctx context.Context, rotate bool) (string, error) {
	if t := service.Settings().String(keyCallbackToken); t != "" && !rotate {
		return t, nil
	}
	var b [16]byte
	_, _ = rand.Read(b[:])
	t := hex.EncodeToString(b[:])
	if err := s.putSettings(ctx, map[string]any{keyCallbackToken: t}); err != nil {
		return "", err
	}
	return t, nil
}

func (s *sProxy) putSettings(ctx context.Context, vals map[string]any) error {
	req := &sysv1.SettingsUpdateReq{Values: map[string]json.RawMessage{}}
	for k, v := range vals {
		raw, _ := json.Marshal(v)
		req.Values[k] = raw
	}
	if _, err := service.Settings().Update(ctx, req); err != nil {
		return err
	}
	return service.Settings().Reload(ctx)
}

// GetSettings is GET /api/proxy/settings.
func (s *sProxy) GetSettings(ctx context.Context, _ *v1.SettingsGetReq) (*v1.SettingsGetRes, error) {
	return s.settingsView(ctx)
}

// UpdateSettings is PUT /api/proxy/settings: the present fields, all or nothing.
func (s *sProxy) UpdateSettings(ctx context.Context, req *v1.SettingsUpdateReq) (*v1.SettingsUpdateRes, error) {
	vals := map[string]any{}
	set := func(key string, present bool, v any) {
		if present {
			vals[key] = v
		}
	}
	set(keyBaseURL, req.BaseUrl != nil, deref(req.BaseUrl))
	set(keyAppKey, req.AppKey != nil, deref(req.AppKey))
	set(keyAppSecret, req.AppSecret != nil, deref(req.AppSecret))
	set(keyEncrypt, req.Encrypt != nil, deref(req.Encrypt))
	set(keyAccountPrefix, req.AccountPrefix != nil, deref(req.AccountPrefix))
	if req.Rps != nil {
		vals[keyRPS] = *req.Rps
	}
	if req.CallbackAllowIps != nil {
		vals[keyAllowIPs] = *req.CallbackAllowIps
	}
	if len(vals) > 0 {
		if err := s.putSettings(ctx, vals); err != nil {
			return nil, err
		}
	}
	return s.settingsView(ctx)
}

// RotateCallbackToken is POST /api/proxy/settings/callback-token.
func (s *sProxy) RotateCallbackToken(ctx context.Context, _ *v1.CallbackTokenReq) (*v1.CallbackTokenRes, error) {
	if _, err := s.callbackToken(ctx, true); err != nil {
		return nil, err
	}
	return s.settingsView(ctx)
}

func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
