// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// Banners is the golang structure for table banners.
type Banners struct {
	Id          int64       `json:"id"          orm:"id"           description:""`
	Title       string      `json:"title"       orm:"title"        description:""`
	Link        string      `json:"link"        orm:"link"         description:""`
	Sort        int         `json:"sort"        orm:"sort"         description:""`
	Status      string      `json:"status"      orm:"status"       description:""`
	StorageKey  string      `json:"storageKey"  orm:"storage_key"  description:""`
	ContentType string      `json:"contentType" orm:"content_type" description:""`
	Size        int64       `json:"size"        orm:"size"         description:""`
	Width       int         `json:"width"       orm:"width"        description:""`
	Height      int         `json:"height"      orm:"height"       description:""`
	Etag        string      `json:"etag"        orm:"etag"         description:""`
	CreatedBy   int64       `json:"createdBy"   orm:"created_by"   description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"   description:""`
	UpdatedAt   *gtime.Time `json:"updatedAt"   orm:"updated_at"   description:""`
}
