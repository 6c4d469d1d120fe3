package v1

import (
	"encoding/json"

	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Settings are declared in code by each module (<module>.<key>, typed, with a default) and
// changed here by the super-admin; every node applies a change within about a second.

type SettingsGetReq struct {
	g.Meta  `path:"/system/settings" method:"get" tags:"系统 System" summary:"Every setting, grouped by page (section) and group; secret values are masked"`
	Section string `json:"section" v:"in:basic,security,quota,notification,openapi,other" dc:"only the groups of this page of the configuration screen"`
}

type SettingsGetRes []SettingGroup

type SettingGroup struct {
	Section      string        `json:"section"      dc:"page of the configuration screen: basic, security, quota, notification, openapi or other"`
	SectionTitle string        `json:"sectionTitle" dc:"localized page title"`
	Group        string        `json:"group"        dc:"group code"`
	Title        string        `json:"title"        dc:"localized group title"`
	Items        []SettingItem `json:"items"`
}

type SettingItem struct {
	Key             string          `json:"key"             dc:"<module>.<key>"`
	Type            string          `json:"type"            dc:"bool, int, string, duration (\"15m\"), strings (list) or json"`
	Value           json.RawMessage `json:"value"           dc:"current value; a set secret shows as \"******\""`
	Default         json.RawMessage `json:"default"         dc:"value while none is stored"`
	Secret          bool            `json:"secret"          dc:"stored encrypted and never shown"`
	RestartRequired bool            `json:"restartRequired" dc:"read at boot only: takes effect after a restart"`
	Description     string          `json:"description"     dc:"localized explanation"`
	Min             *int64          `json:"min,omitempty"   dc:"lower bound of an int (nanoseconds for a duration)"`
	Max             *int64          `json:"max,omitempty"   dc:"upper bound of an int (nanoseconds for a duration)"`
	Enum            []string        `json:"enum,omitempty"  dc:"allowed values of a string"`
}

type SettingsUpdateReq struct {
	g.Meta `path:"/system/settings" method:"put" tags:"系统 System" summary:"Change settings, all or nothing; null resets a key to its default; a masked secret written back keeps its value; runs during maintenance, so the switch can be turned off" maintenance:"exempt"`
	Values map[string]json.RawMessage `json:"values" v:"required" dc:"key → new JSON value"`
}

type SettingsUpdateRes []SettingGroup

type SettingChangesReq struct {
	g.Meta `path:"/system/settings/changes/list" method:"get" tags:"系统 System" summary:"Change history of the settings, newest first"`
	common.PageReq
	Key string `json:"key" v:"max-length:64" dc:"only this key"`
}

type SettingChangesRes struct {
	Items []SettingChangeItem `json:"items"`
	Total int                 `json:"total"`
}

type SettingChangeItem struct {
	Id         int64           `json:"id"`
	Key        string          `json:"key"`
	OldValue   json.RawMessage `json:"oldValue"   dc:"null when it was the default; secrets masked"`
	NewValue   json.RawMessage `json:"newValue"   dc:"null when reset to the default; secrets masked"`
	OperatorId int64           `json:"operatorId"`
	Operator   string          `json:"operator"   dc:"username of who changed it"`
	CreatedAt  string          `json:"createdAt"`
}
