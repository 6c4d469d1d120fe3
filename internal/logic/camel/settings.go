package camel

import (
	"context"
	"encoding/json"

	v1 "kami/api/camel/v1"
	sysv1 "kami/api/system/v1"
	"kami/internal/errs"
	"kami/internal/logic/settings"
	"kami/internal/service"
)

// The rest of the module's settings (camel-oil.md §6); defaultDailyLimit and maxLoginFailures
// are declared in camel.go.
const (
	SettingPlatformBaseURL    = "camel_oil.platformBaseUrl"
	SettingSMSBaseURL         = "camel_oil.smsBaseUrl"
	SettingSMSToken           = "camel_oil.smsToken"
	SettingSMSProjectID       = "camel_oil.smsProjectId"
	SettingSMSPollMs          = "camel_oil.smsPollMs"
	SettingSMSTimeoutS        = "camel_oil.smsTimeoutS"
	SettingOrderExpireMinutes = "camel_oil.orderExpireMinutes"
	SettingMinAmount          = "camel_oil.minAmount"
	SettingMaxAmount          = "camel_oil.maxAmount"
	SettingCapacityFloor      = "camel_oil.capacityFloor"
)

func init() {
	str := func(key string, secret bool) {
		settings.Define(settings.Def{Key: key, Group: "camel_oil", Type: settings.TypeString, Default: "", Secret: secret})
	}
	num := func(key string, def, lo, hi int64) {
		settings.Define(settings.Def{Key: key, Group: "camel_oil", Type: settings.TypeInt, Default: def,
			Min: settings.Bound(lo), Max: settings.Bound(hi)})
	}
	str(SettingPlatformBaseURL, false)
	str(SettingSMSBaseURL, false)
	str(SettingSMSToken, true)
	str(SettingSMSProjectID, false)
	num(SettingSMSPollMs, 3000, 100, 10000)
	num(SettingSMSTimeoutS, 120, 10, 600)
	num(SettingOrderExpireMinutes, 30, 5, 1440)
	num(SettingMinAmount, 100, 1, 1<<40)
	num(SettingMaxAmount, 100000, 1, 1<<40)
	num(SettingCapacityFloor, 20, 0, 1_000_000)
}

func (s *sCamel) GetSettings(context.Context, *v1.SettingsGetReq) (*v1.SettingsGetRes, error) {
	return &v1.SettingsGetRes{CamelSettings: currentSettings()}, nil
}

// UpdateSettings writes the given subset through the core settings (validated, audited, live on
// every node within 2 s), all or nothing; minAmount may not exceed maxAmount afterwards.
func (s *sCamel) UpdateSettings(ctx context.Context, req *v1.SettingsUpdateReq) (*v1.SettingsUpdateRes, error) {
	values := map[string]json.RawMessage{}
	put := func(key string, v any) {
		b, _ := json.Marshal(v)
		values[key] = b
	}
	for key, v := range map[string]*string{SettingPlatformBaseURL: req.PlatformBaseUrl, SettingSMSBaseURL: req.SmsBaseUrl,
		SettingSMSToken: req.SmsToken, SettingSMSProjectID: req.SmsProjectId} {
		if v != nil {
			put(key, *v)
		}
	}
	for key, v := range map[string]*int64{SettingSMSPollMs: req.SmsPollMs, SettingSMSTimeoutS: req.SmsTimeoutS,
		SettingDefaultDailyLimit: req.DefaultDailyLimit, SettingOrderExpireMinutes: req.OrderExpireMinutes,
		SettingMinAmount: req.MinAmount, SettingMaxAmount: req.MaxAmount, SettingCapacityFloor: req.CapacityFloor,
		SettingMaxLoginFailures: req.MaxLoginFailures} {
		if v != nil {
			put(key, *v)
		}
	}
	lo, hi := settingInt(SettingMinAmount), settingInt(SettingMaxAmount)
	if req.MinAmount != nil {
		lo = *req.MinAmount
	}
	if req.MaxAmount != nil {
		hi = *req.MaxAmount
	}
	if lo > hi {
		return nil, errs.InvalidInput.Msg("minAmount is above maxAmount")
	}
	if len(values) > 0 {
		if _, err := service.Settings().Update(ctx, &sysv1.SettingsUpdateReq{Values: values}); err != nil {
			return nil, err
		}
	}
	return &v1.SettingsUpdateRes{CamelSettings: currentSettings()}, nil
}

func currentSettings() v1.CamelSettings {
	st := service.Settings()
	return v1.CamelSettings{PlatformBaseUrl: st.String(SettingPlatformBaseURL), SmsBaseUrl: st.String(SettingSMSBaseURL),
		SmsTokenSet: st.String(SettingSMSToken) != "", SmsProjectId: st.String(SettingSMSProjectID),
		SmsPollMs: st.Int(SettingSMSPollMs), SmsTimeoutS: st.Int(SettingSMSTimeoutS),
		DefaultDailyLimit: st.Int(SettingDefaultDailyLimit), OrderExpireMinutes: st.Int(SettingOrderExpireMinutes),
		MinAmount: st.Int(SettingMinAmount), MaxAmount: st.Int(SettingMaxAmount), CapacityFloor: st.Int(SettingCapacityFloor),
		MaxLoginFailures: st.Int(SettingMaxLoginFailures)}
}
