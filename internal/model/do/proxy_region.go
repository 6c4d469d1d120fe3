// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyRegion is the golang structure of table proxy_region for DAO operations like Where/Data.
type ProxyRegion struct {
	g.Meta     `orm:"table:proxy_region, do:true"`
	Id         any         //
	Code       any         //
	ParentCode any         //
	Name       any         //
	NameEn     any         //
	RawHash    any         //
	SyncedAt   *gtime.Time //
}
