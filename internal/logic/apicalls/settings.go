package apicalls

import (
	"time"

	"kami/internal/dao"
	"kami/internal/logic/settings"
	"kami/internal/retention"
	"kami/internal/service"
)

// Settings of the call log (系统配置 > OpenAPI).
const (
	// SettingFailureLog: how many of a project's refused calls are kept, and so at most how many
	// one node buffers per project between two flushes.
	SettingFailureLog = "openapi.failureLog"
	// SettingCallRetention: how long the per-day counts are kept; 0 keeps them.
	SettingCallRetention = "openapi.callRetention"
)

func init() {
	day := 24 * time.Hour
	settings.Define(settings.Def{Key: SettingFailureLog, Type: settings.TypeInt, Default: 200,
		Min: settings.Bound(10), Max: settings.Bound(10000)})
	settings.Define(settings.Def{Key: SettingCallRetention, Type: settings.TypeDuration, Default: 400 * day,
		Min: settings.Bound(0), Max: settings.Bound(int64(10 * 365 * day)), Validate: retention.CheckWindow})
	// The log.retention job deletes the day rows last written before the window; a day's rows
	// (and its bookkeeping row) are last written within minutes after the day ends.
	retention.Register(retention.Table{
		Name: dao.OpenapiCalls.Table(), TimeCol: dao.OpenapiCalls.Columns().UpdatedAt,
		Window: func() time.Duration { return service.Settings().Duration(SettingCallRetention) },
	})
}
