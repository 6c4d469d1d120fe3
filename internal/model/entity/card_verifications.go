// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// CardVerifications is the golang structure for table card_verifications.
type CardVerifications struct {
	Id            int64       `json:"id"            orm:"id"             description:""`
	CardId        int64       `json:"cardId"        orm:"card_id"        description:""`
	ProjectId     int64       `json:"projectId"     orm:"project_id"     description:""`
	DeviceHash    string      `json:"deviceHash"    orm:"device_hash"    description:""`
	Result        string      `json:"result"        orm:"result"         description:""`
	Ip            string      `json:"ip"            orm:"ip"             description:""`
	ClientVersion string      `json:"clientVersion" orm:"client_version" description:""`
	CreatedAt     *gtime.Time `json:"createdAt"     orm:"created_at"     description:""`
	Calls         int         `json:"calls"         orm:"calls"          description:""`
}
