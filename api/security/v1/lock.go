package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Anomaly locks (seed 001 §9.1): an account locked by a measure is unlocked by its superior (its
// agent-admin, or the super-admin), never by itself; a lock outside the caller's scope is 404.

type LockListReq struct {
	g.Meta `path:"/security/locks/list" method:"get" tags:"安全 Security" summary:"Anomaly locks in force, scoped by role"`
	common.PageReq
	UserID int64 `json:"userId" v:"min:0" dc:"locked user id"`
}

type LockListRes struct {
	Items []LockItem `json:"items"`
	Total int        `json:"total"`
}

type LockItem struct {
	ID        int64   `json:"id"`
	UserID    int64   `json:"userId"`
	Username  string  `json:"username"`
	Reason    string  `json:"reason"    dc:"the anomaly kind that locked it: burst"`
	EventID   int64   `json:"eventId"   dc:"the security log row of the anomaly"`
	LockedAt  string  `json:"lockedAt"`
	ExpiresAt *string `json:"expiresAt" dc:"a super-admin's lock ends by itself then; null: until unlocked"`
}

type LockUnlockReq struct {
	g.Meta `path:"/security/locks/{id}/unlock" method:"post" tags:"安全 Security" summary:"Lift an anomaly lock (the locked user's superior only)"`
	Id     int64 `json:"id" in:"path" v:"min:1" dc:"lock id"`
}

type LockUnlockRes struct{}
