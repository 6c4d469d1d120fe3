// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// Settings is the golang structure for table settings.
type Settings struct {
	K         string      `json:"k"         orm:"k"          description:""`
	V         string      `json:"v"         orm:"v"          description:""`
	UpdatedAt *gtime.Time `json:"updatedAt" orm:"updated_at" description:""`
}
