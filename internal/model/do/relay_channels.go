// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayChannels is the golang structure of table relay_channels for DAO operations like Where/Data.
type RelayChannels struct {
	g.Meta            `orm:"table:relay_channels, do:true"`
	Id                any         //
	Name              any         //
	Type              any         //
	BaseUrl           any         //
	Models            any         //
	ModelMapping      any         //
	GroupCodes        any         //
	Priority          any         //
	Weight            any         //
	AutoBan           any         //
	TestModel         any         //
	FirstByteTimeoutS any         //
	IdleTimeoutS      any         //
	Remark            any         //
	Status            any         //
	StatusReason      any         //
	StatusChangedAt   *gtime.Time //
	Trips             any         //
	ProbeSuccesses    any         //
	ResponseTimeMs    any         //
	TestedAt          *gtime.Time //
	Version           any         //
	CreatedAt         *gtime.Time //
	UpdatedAt         *gtime.Time //
}
