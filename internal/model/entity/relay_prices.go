// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayPrices is the golang structure for table relay_prices.
type RelayPrices struct {
	Id              int64       `json:"id"              orm:"id"               description:""`
	Model           string      `json:"model"           orm:"model"            description:""`
	ModelRatio      string      `json:"modelRatio"      orm:"model_ratio"      description:""`
	CompletionRatio string      `json:"completionRatio" orm:"completion_ratio" description:""`
	CacheRatio      string      `json:"cacheRatio"      orm:"cache_ratio"      description:""`
	ModelPrice      string      `json:"modelPrice"      orm:"model_price"      description:""`
	Tokenizer       string      `json:"tokenizer"       orm:"tokenizer"        description:""`
	OwnedBy         string      `json:"ownedBy"         orm:"owned_by"         description:""`
	Enabled         int         `json:"enabled"         orm:"enabled"          description:""`
	CreatedAt       *gtime.Time `json:"createdAt"       orm:"created_at"       description:""`
	UpdatedAt       *gtime.Time `json:"updatedAt"       orm:"updated_at"       description:""`
}
