package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// PriceItem is one model's price; ratios are decimal strings in ledger units per token.
type PriceItem struct {
	Id              int64   `json:"id"`
	Model           string  `json:"model"`
	ModelRatio      string  `json:"modelRatio"      dc:"quota units per prompt token"`
	CompletionRatio string  `json:"completionRatio"`
	CacheRatio      string  `json:"cacheRatio"`
	ModelPrice      string  `json:"modelPrice"      dc:"> 0: quota units per call instead of per token"`
	Tokenizer       string  `json:"tokenizer"`
	OwnedBy         string  `json:"ownedBy"`
	Enabled         bool    `json:"enabled"`
	CreatedAt       *string `json:"createdAt"`
}

type PriceListReq struct {
	g.Meta `path:"/relay/prices/list" method:"get" tags:"AI 中转 Relay" summary:"Model prices"`
	common.PageReq
	Model string `json:"model" v:"max-length:128"`
}

type PriceListRes struct {
	Items []PriceItem `json:"items"`
	Total int         `json:"total"`
}

// PriceFields are the editable fields of a price.
type PriceFields struct {
	Model           string `json:"model"           v:"required|length:1,128"`
	ModelRatio      string `json:"modelRatio"      v:"required|max-length:32"`
	CompletionRatio string `json:"completionRatio" v:"max-length:32" d:"1"`
	CacheRatio      string `json:"cacheRatio"      v:"max-length:32" d:"1"`
	ModelPrice      string `json:"modelPrice"      v:"max-length:32" d:"0"`
	Tokenizer       string `json:"tokenizer"       v:"in:o200k_base,cl100k_base" d:"o200k_base"`
	OwnedBy         string `json:"ownedBy"         v:"max-length:64"`
	Enabled         *bool  `json:"enabled"         dc:"absent: true"`
}

type PriceCreateReq struct {
	g.Meta `path:"/relay/prices" method:"post" tags:"AI 中转 Relay" summary:"Price a model"`
	PriceFields
}

type PriceCreateRes = PriceItem

type PriceUpdateReq struct {
	g.Meta `path:"/relay/prices/{id}" method:"put" tags:"AI 中转 Relay" summary:"Change a model's price"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
	PriceFields
}

type PriceUpdateRes = PriceItem

type PriceDeleteReq struct {
	g.Meta `path:"/relay/prices/{id}" method:"delete" tags:"AI 中转 Relay" summary:"Delete a price no channel lists"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type PriceDeleteRes struct{}
