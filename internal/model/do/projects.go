// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// Projects is the golang structure of table projects for DAO operations like Where/Data.
type Projects struct {
	g.Meta             `orm:"table:projects, do:true"`
	Id                 any         //
	Name               any         //
	Description        any         //
	Version            any         //
	Status             any         //
	AppKey             any         //
	AppSecret          any         //
	PrevAppSecret      any         //
	PrevSecretUntil    *gtime.Time //
	SecretRotatedAt    *gtime.Time //
	WebhookSecret      any         //
	CallbackUrl        any         //
	CallbackEvents     any         //
	MaxUnbinds         any         //
	UnbindCooldown     any         //
	VerifyAfterAuthEnd any         //
	RatePerApp         any         //
	RatePerIp          any         //
	RowVersion         any         //
	CreatedBy          any         //
	CreatedAt          *gtime.Time //
	UpdatedAt          *gtime.Time //
}
