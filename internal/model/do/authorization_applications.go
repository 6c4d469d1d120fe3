// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// AuthorizationApplications is the golang structure of table authorization_applications for DAO operations like Where/Data.
type AuthorizationApplications struct {
	g.Meta          `orm:"table:authorization_applications, do:true"`
	Id              any         //
	ProjectId       any         //
	ApplicantId     any         //
	ApproverId      any         //
	Reason          any         //
	Status          any         //
	PendingKey      any         //
	Note            any         //
	DecidedBy       any         //
	DecidedAt       *gtime.Time //
	AuthorizationId any         //
	CreatedAt       *gtime.Time //
	UpdatedAt       *gtime.Time //
}
