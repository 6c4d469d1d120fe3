// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// SettingChanges is the golang structure of table setting_changes for DAO operations like Where/Data.
type SettingChanges struct {
	g.Meta     `orm:"table:setting_changes, do:true"`
	Id         any         //
	K          any         //
	OldValue   any         //
	NewValue   any         //
	OperatorId any         //
	Operator   any         //
	CreatedAt  *gtime.Time //
}
