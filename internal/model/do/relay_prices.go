// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayPrices is the golang structure of table relay_prices for DAO operations like Where/Data.
type RelayPrices struct {
	g.Meta          `orm:"table:relay_prices, do:true"`
	Id              any         //
	Model           any         //
	ModelRatio      any         //
	CompletionRatio any         //
	CacheRatio      any         //
	ModelPrice      any         //
	Tokenizer       any         //
	OwnedBy         any         //
	Enabled         any         //
	CreatedAt       *gtime.Time //
	UpdatedAt       *gtime.Time //
}
