// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// NotificationDeliveries is the golang structure of table notification_deliveries for DAO operations like Where/Data.
type NotificationDeliveries struct {
	g.Meta         `orm:"table:notification_deliveries, do:true"`
	Id             any         //
	NotificationId any         //
	UserId         any         //
	Channel        any         //
	Status         any         //
	Attempts       any         //
	NextAttemptAt  *gtime.Time //
	LastError      any         //
	Node           any         //
	SentAt         *gtime.Time //
	CreatedAt      *gtime.Time //
	UpdatedAt      *gtime.Time //
}
