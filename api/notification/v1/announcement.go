package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Announcements are written by the super-admin to all users, some roles or chosen users, and
// land in their inboxes (optionally with an email copy) now or at sendAt.

// Audience names exactly one of: everyone, the holders of some roles, some users.
type Audience struct {
	All     bool     `json:"all,omitempty"     dc:"every enabled user"`
	Roles   []string `json:"roles,omitempty"   dc:"super-admin, agent-admin, agent"`
	UserIds []int64  `json:"userIds,omitempty" dc:"up to 1000 user ids"`
}

type AnnouncementItem struct {
	Id         int64    `json:"id"`
	Title      string   `json:"title"`
	Content    string   `json:"content"`
	Type       string   `json:"type"       dc:"system, feature or maintenance"`
	TypeName   string   `json:"typeName"   dc:"系统公告, 功能更新, 维护通知 (localized)"`
	Audience   Audience `json:"audience"`
	Email      bool     `json:"email"      dc:"an email copy goes to recipients with an address"`
	Status     string   `json:"status"     dc:"scheduled or sent"`
	SendAt     string   `json:"sendAt"`
	SentAt     *string  `json:"sentAt"     dc:"null until sent"`
	Recipients int      `json:"recipients" dc:"inboxes it reached"`
	CreatedBy  int64    `json:"createdBy"`
	Creator    string   `json:"creator"    dc:"username of the author"`
	CreatedAt  string   `json:"createdAt"`
}

type AnnouncementCreateReq struct {
	g.Meta   `path:"/system/announcements" method:"post" tags:"通知 Notifications" summary:"Send an announcement now, or at sendAt" idempotent:"true"`
	Title    string   `json:"title"    v:"required|max-length:200"                  dc:"subject line"`
	Content  string   `json:"content"  v:"required|max-length:20000"                dc:"plain text"`
	Type     string   `json:"type"     v:"required|in:system,feature,maintenance"   dc:"system (系统公告), feature (功能更新) or maintenance (维护通知)"`
	Audience Audience `json:"audience" v:"required"                                 dc:"{\"all\":true}, {\"roles\":[...]} or {\"userIds\":[...]}"`
	SendAt   string   `json:"sendAt"   v:"max-length:40"                            dc:"RFC 3339; omitted or not in the future: now"`
	Email    bool     `json:"email"    dc:"also mail it to recipients who have an email address"`
}

type AnnouncementCreateRes struct {
	AnnouncementItem
}

type AnnouncementListReq struct {
	g.Meta `path:"/system/announcements/list" method:"get" tags:"通知 Notifications" summary:"Announcements, newest first; sortBy: createdAt, sendAt"`
	common.PageReq
	Type   string `json:"type"   v:"in:system,feature,maintenance" dc:"only this type"`
	Status string `json:"status" v:"in:scheduled,sent"             dc:"only this status"`
}

type AnnouncementListRes struct {
	Items []AnnouncementItem `json:"items"`
	Total int                `json:"total"`
}
