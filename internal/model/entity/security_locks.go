// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// SecurityLocks is the golang structure for table security_locks.
type SecurityLocks struct {
	Id        int64       `json:"id"        orm:"id"         description:""`
	UserId    int64       `json:"userId"    orm:"user_id"    description:""`
	EventId   int64       `json:"eventId"   orm:"event_id"   description:""`
	Reason    string      `json:"reason"    orm:"reason"     description:""`
	LockedAt  *gtime.Time `json:"lockedAt"  orm:"locked_at"  description:""`
	ExpiresAt *gtime.Time `json:"expiresAt" orm:"expires_at" description:""`
	LiftedAt  *gtime.Time `json:"liftedAt"  orm:"lifted_at"  description:""`
	LiftedBy  int64       `json:"liftedBy"  orm:"lifted_by"  description:""`
}
