// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/system/v1"
	"time"
)

type (
	ISettings interface {
		// List answers every setting (or one page's, req.Section), grouped, from this node's snapshot.
		List(ctx context.Context, req *v1.SettingsGetReq) (*v1.SettingsGetRes, error)
		// Update validates every value first and writes all of them or none.
		Update(ctx context.Context, req *v1.SettingsUpdateReq) (*v1.SettingsUpdateRes, error)
		// Changes is the change history, newest first unless asked otherwise.
		Changes(ctx context.Context, req *v1.SettingChangesReq) (*v1.SettingChangesRes, error)
		// Start fixes the registry, loads the values and starts following other nodes' changes.
		Start(ctx context.Context) error
		// Stop ends the polling; the last snapshot keeps serving.
		Stop()
		// Reload reads every value and swaps the snapshot, then tells the OnChange hooks which keys
		// changed (none at the first load).
		Reload(ctx context.Context) error
		// OnChange registers fn to run on this node after a reload that changed values, with the keys
		// that changed, so a module can rebuild a snapshot of its own.
		OnChange(fn func(ctx context.Context, changed []string))
		// Bool is the value of a bool setting.
		Bool(key string) bool
		// Int is the value of an int setting.
		Int(key string) int64
		// String is the value of a string setting (a secret one in plain text).
		String(key string) string
		// Duration is the value of a duration setting.
		Duration(key string) time.Duration
		// Strings is the value of a strings setting; the caller may keep but not change it.
		Strings(key string) []string
		// JSON decodes the value of a json setting into dst.
		JSON(key string, dst any) error
	}
)

var (
	localSettings ISettings
)

func Settings() ISettings {
	if localSettings == nil {
		panic("implement not found for interface ISettings, forgot register?")
	}
	return localSettings
}

func RegisterSettings(i ISettings) {
	localSettings = i
}
