// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// OutboxEvents is the golang structure of table outbox_events for DAO operations like Where/Data.
type OutboxEvents struct {
	g.Meta         `orm:"table:outbox_events, do:true"`
	Id             any         //
	EventId        any         //
	Topic          any         //
	Type           any         //
	Ref            any         //
	Body           any         //
	Status         any         //
	Attempts       any         //
	RoundAttempts  any         //
	NextAttemptAt  *gtime.Time //
	LeaseOwner     any         //
	LeaseUntil     *gtime.Time //
	LastStatusCode any         //
	LastError      any         //
	DeliveredAt    *gtime.Time //
	CreatedAt      *gtime.Time //
	UpdatedAt      *gtime.Time //
}
