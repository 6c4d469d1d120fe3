// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyProductArea is the golang structure of table proxy_product_area for DAO operations like Where/Data.
type ProxyProductArea struct {
	g.Meta      `orm:"table:proxy_product_area, do:true"`
	Id          any         //
	ProductNo   any         //
	AreaCode    any         //
	CountryCode any         //
	StateCode   any         //
	CityCode    any         //
	Status      any         //
	Region      any         //
	RawHash     any         //
	SyncedAt    *gtime.Time //
}
