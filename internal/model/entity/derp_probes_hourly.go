// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpProbesHourly is the golang structure for table derp_probes_hourly.
type DerpProbesHourly struct {
	ServerId    int64       `json:"serverId"    orm:"server_id"    description:""`
	ContainerId int64       `json:"containerId" orm:"container_id" description:""`
	BucketTs    *gtime.Time `json:"bucketTs"    orm:"bucket_ts"    description:""`
	Rounds      int         `json:"rounds"      orm:"rounds"       description:""`
	OkRounds    int         `json:"okRounds"    orm:"ok_rounds"    description:""`
	P50Ms       int         `json:"p50Ms"       orm:"p50_ms"       description:""`
	P95Ms       int         `json:"p95Ms"       orm:"p95_ms"       description:""`
	MaxMs       int         `json:"maxMs"       orm:"max_ms"       description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"   description:""`
	UpdatedAt   *gtime.Time `json:"updatedAt"   orm:"updated_at"   description:""`
}
