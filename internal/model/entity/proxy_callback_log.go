// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyCallbackLog is the golang structure for table proxy_callback_log.
type ProxyCallbackLog struct {
	Id          int64       `json:"id"          orm:"id"           description:""`
	Type        string      `json:"type"        orm:"type"         description:""`
	RefNo       string      `json:"refNo"       orm:"ref_no"       description:""`
	Op          string      `json:"op"          orm:"op"           description:""`
	Ip          string      `json:"ip"          orm:"ip"           description:""`
	Query       string      `json:"query"       orm:"query"        description:""`
	Status      string      `json:"status"      orm:"status"       description:""`
	Attempts    int         `json:"attempts"    orm:"attempts"     description:""`
	LastError   string      `json:"lastError"   orm:"last_error"   description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"   description:""`
	ProcessedAt *gtime.Time `json:"processedAt" orm:"processed_at" description:""`
}
