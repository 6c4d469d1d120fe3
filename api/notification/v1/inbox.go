// Package v1 is the notification API: every logged-in user's own inbox (/notifications) and the
// super-admin's announcements (/system/announcements).
package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// NotificationItem is one notice in the caller's inbox, rendered in the caller's language.
type NotificationItem struct {
	Id        int64   `json:"id"`
	Kind      string  `json:"kind"     dc:"what it is about: announcement.system, card.activated, quota.changed, ..."`
	KindName  string  `json:"kindName" dc:"localized name of the kind"`
	Title     string  `json:"title"`
	Content   string  `json:"content"`
	Ref       *Ref    `json:"ref"      dc:"the business object it is about; null when none"`
	Read      bool    `json:"read"`
	ReadAt    *string `json:"readAt"   dc:"null while unread"`
	CreatedAt string  `json:"createdAt"`
}

// Ref names a business object, so the panel can link to it.
type Ref struct {
	Type string `json:"type" dc:"card, quota.ledger, announcement, ..."`
	Id   int64  `json:"id"`
}

type NotificationListReq struct {
	g.Meta `path:"/notifications/list" method:"get" tags:"通知 Notifications" summary:"The caller's notifications, newest first; sortBy: createdAt" auth:"login"`
	common.PageReq
	Unread *bool `json:"unread" dc:"true: unread only; false: read only; omitted: all"`
}

type NotificationListRes struct {
	Items []NotificationItem `json:"items"`
	Total int                `json:"total"`
}

type NotificationUnreadCountReq struct {
	g.Meta `path:"/notifications/unread-count" method:"get" tags:"通知 Notifications" summary:"How many of the caller's notifications are unread" auth:"login"`
}

type NotificationUnreadCountRes struct {
	Count int `json:"count"`
}

type NotificationReadReq struct {
	g.Meta `path:"/notifications/{id}/read" method:"put" tags:"通知 Notifications" summary:"Mark one of the caller's notifications read (again is a no-op); another user's id is 404" auth:"login"`
	Id     int64 `json:"id" in:"path" v:"min:1" dc:"notification id"`
}

type NotificationReadRes struct {
	NotificationItem
}

type NotificationReadAllReq struct {
	g.Meta `path:"/notifications/read-all" method:"put" tags:"通知 Notifications" summary:"Mark all of the caller's notifications read" auth:"login"`
}

type NotificationReadAllRes struct {
	Count int `json:"count" dc:"how many were unread"`
}
