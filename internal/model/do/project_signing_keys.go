// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProjectSigningKeys is the golang structure of table project_signing_keys for DAO operations like Where/Data.
type ProjectSigningKeys struct {
	g.Meta     `orm:"table:project_signing_keys, do:true"`
	Id         any         //
	ProjectId  any         //
	Kid        any         //
	PublicKey  any         //
	PrivateKey any         //
	Status     any         //
	RetireAt   *gtime.Time //
	CreatedAt  *gtime.Time //
	RetiredAt  *gtime.Time //
}
