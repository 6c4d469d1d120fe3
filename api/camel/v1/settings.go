package v1

import "github.com/gogf/gf/v2/frame/g"

// CamelSettings is the typed view over the core settings camel_oil.<name> (camel-oil.md §6);
// the same keys show in /api/system/settings. smsToken is write-only.
type CamelSettings struct {
	PlatformBaseUrl    string `json:"platformBaseUrl"`
	SmsBaseUrl         string `json:"smsBaseUrl"`
	SmsTokenSet        bool   `json:"smsTokenSet"`
	SmsProjectId       string `json:"smsProjectId"       dc:"the Pig platform's sid"`
	SmsPollMs          int64  `json:"smsPollMs"`
	SmsTimeoutS        int64  `json:"smsTimeoutS"`
	DefaultDailyLimit  int64  `json:"defaultDailyLimit"`
	OrderExpireMinutes int64  `json:"orderExpireMinutes"`
	MinAmount          int64  `json:"minAmount"          dc:"fen"`
	MaxAmount          int64  `json:"maxAmount"          dc:"fen"`
	CapacityFloor      int64  `json:"capacityFloor"`
	MaxLoginFailures   int64  `json:"maxLoginFailures"`
}

type SettingsGetReq struct {
	g.Meta `path:"/camel-oil/settings" method:"get" tags:"骆驼加油 Camel oil" summary:"The module's settings"`
}

type SettingsGetRes struct {
	CamelSettings
}

type SettingsUpdateReq struct {
	g.Meta             `path:"/camel-oil/settings" method:"put" tags:"骆驼加油 Camel oil" summary:"Change any subset of the module's settings, all or nothing"`
	PlatformBaseUrl    *string `json:"platformBaseUrl"    v:"url|max-length:512"`
	SmsBaseUrl         *string `json:"smsBaseUrl"         v:"url|max-length:512"`
	SmsToken           *string `json:"smsToken"           v:"max-length:256"`
	SmsProjectId       *string `json:"smsProjectId"       v:"max-length:64"`
	SmsPollMs          *int64  `json:"smsPollMs"          v:"between:100,10000"`
	SmsTimeoutS        *int64  `json:"smsTimeoutS"        v:"between:10,600"`
	DefaultDailyLimit  *int64  `json:"defaultDailyLimit"  v:"between:1,1000"`
	OrderExpireMinutes *int64  `json:"orderExpireMinutes" v:"between:5,1440"`
	MinAmount          *int64  `json:"minAmount"          v:"min:1"`
	MaxAmount          *int64  `json:"maxAmount"          v:"min:1"`
	CapacityFloor      *int64  `json:"capacityFloor"      v:"min:0"`
	MaxLoginFailures   *int64  `json:"maxLoginFailures"   v:"between:1,100"`
}

type SettingsUpdateRes struct {
	CamelSettings
}
