// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// Announcements is the golang structure of table announcements for DAO operations like Where/Data.
type Announcements struct {
	g.Meta     `orm:"table:announcements, do:true"`
	Id         any         //
	Title      any         //
	Content    any         //
	Type       any         //
	Audience   any         //
	Email      any         //
	Status     any         //
	SendAt     *gtime.Time //
	SentAt     *gtime.Time //
	Recipients any         //
	CreatedBy  any         //
	Creator    any         //
	CreatedAt  *gtime.Time //
	UpdatedAt  *gtime.Time //
}
