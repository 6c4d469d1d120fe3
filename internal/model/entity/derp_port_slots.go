// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpPortSlots is the golang structure for table derp_port_slots.
type DerpPortSlots struct {
	ServerId    int64       `json:"serverId"    orm:"server_id"    description:""`
	Port        int         `json:"port"        orm:"port"         description:""`
	ContainerId int64       `json:"containerId" orm:"container_id" description:""`
	State       string      `json:"state"       orm:"state"        description:""`
	UntilAt     *gtime.Time `json:"untilAt"     orm:"until_at"     description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"   description:""`
	UpdatedAt   *gtime.Time `json:"updatedAt"   orm:"updated_at"   description:""`
}
