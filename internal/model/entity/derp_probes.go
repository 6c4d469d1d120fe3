// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpProbes is the golang structure for table derp_probes.
type DerpProbes struct {
	Id          int64       `json:"id"          orm:"id"           description:""`
	ServerId    int64       `json:"serverId"    orm:"server_id"    description:""`
	ContainerId int64       `json:"containerId" orm:"container_id" description:""`
	Kind        string      `json:"kind"        orm:"kind"         description:""`
	Ok          int         `json:"ok"          orm:"ok"           description:""`
	LatencyMs   int         `json:"latencyMs"   orm:"latency_ms"   description:""`
	Error       string      `json:"error"       orm:"error"        description:""`
	ProbedAt    *gtime.Time `json:"probedAt"    orm:"probed_at"    description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"   description:""`
	UpdatedAt   *gtime.Time `json:"updatedAt"   orm:"updated_at"   description:""`
}
