// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// OutboxDeliveries is the golang structure of table outbox_deliveries for DAO operations like Where/Data.
type OutboxDeliveries struct {
	g.Meta       `orm:"table:outbox_deliveries, do:true"`
	Id           any         //
	EventId      any         //
	Attempt      any         //
	Node         any         //
	Url          any         //
	Status       any         //
	StatusCode   any         //
	ResponseBody any         //
	Error        any         //
	DurationMs   any         //
	CreatedAt    *gtime.Time //
}
