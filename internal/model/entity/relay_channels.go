// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayChannels is the golang structure for table relay_channels.
type RelayChannels struct {
	Id                int64       `json:"id"                orm:"id"                   description:""`
	Name              string      `json:"name"              orm:"name"                 description:""`
	Type              string      `json:"type"              orm:"type"                 description:""`
	BaseUrl           string      `json:"baseUrl"           orm:"base_url"             description:""`
	Models            string      `json:"models"            orm:"models"               description:""`
	ModelMapping      string      `json:"modelMapping"      orm:"model_mapping"        description:""`
	GroupCodes        string      `json:"groupCodes"        orm:"group_codes"          description:""`
	Priority          int         `json:"priority"          orm:"priority"             description:""`
	Weight            int         `json:"weight"            orm:"weight"               description:""`
	AutoBan           int         `json:"autoBan"           orm:"auto_ban"             description:""`
	TestModel         string      `json:"testModel"         orm:"test_model"           description:""`
	FirstByteTimeoutS int         `json:"firstByteTimeoutS" orm:"first_byte_timeout_s" description:""`
	IdleTimeoutS      int         `json:"idleTimeoutS"      orm:"idle_timeout_s"       description:""`
	Remark            string      `json:"remark"            orm:"remark"               description:""`
	Status            int         `json:"status"            orm:"status"               description:""`
	StatusReason      string      `json:"statusReason"      orm:"status_reason"        description:""`
	StatusChangedAt   *gtime.Time `json:"statusChangedAt"   orm:"status_changed_at"    description:""`
	Trips             int         `json:"trips"             orm:"trips"                description:""`
	ProbeSuccesses    int         `json:"probeSuccesses"    orm:"probe_successes"      description:""`
	ResponseTimeMs    int         `json:"responseTimeMs"    orm:"response_time_ms"     description:""`
	TestedAt          *gtime.Time `json:"testedAt"          orm:"tested_at"            description:""`
	Version           int         `json:"version"           orm:"version"              description:""`
	CreatedAt         *gtime.Time `json:"createdAt"         orm:"created_at"           description:""`
	UpdatedAt         *gtime.Time `json:"updatedAt"         orm:"updated_at"           description:""`
}
