// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// Notices is the golang structure for table notices.
type Notices struct {
	Id        int64       `json:"id"        orm:"id"         description:""`
	Kind      string      `json:"kind"      orm:"kind"       description:""`
	Template  string      `json:"template"  orm:"template"   description:""`
	Params    string      `json:"params"    orm:"params"     description:""`
	Title     string      `json:"title"     orm:"title"      description:""`
	Body      string      `json:"body"      orm:"body"       description:""`
	RefType   string      `json:"refType"   orm:"ref_type"   description:""`
	RefId     int64       `json:"refId"     orm:"ref_id"     description:""`
	DedupKey  string      `json:"dedupKey"  orm:"dedup_key"  description:""`
	CreatedAt *gtime.Time `json:"createdAt" orm:"created_at" description:""`
}
