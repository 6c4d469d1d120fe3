// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// Backups is the golang structure of table backups for DAO operations like Where/Data.
type Backups struct {
	g.Meta        `orm:"table:backups, do:true"`
	Id            any         //
	File          any         //
	Node          any         //
	Size          any         //
	Sha256        any         //
	SchemaVersion any         //
	TablesCount   any         //
	RowsCount     any         //
	Status        any         //
	Error         any         //
	TriggerBy     any         //
	CreatedAt     *gtime.Time //
	VerifiedAt    *gtime.Time //
}
