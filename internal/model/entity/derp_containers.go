// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpContainers is the golang structure for table derp_containers.
type DerpContainers struct {
	Id               int64       `json:"id"               orm:"id"                 description:""`
	RentalId         int64       `json:"rentalId"         orm:"rental_id"          description:""`
	ServerId         int64       `json:"serverId"         orm:"server_id"          description:""`
	HaIndex          int         `json:"haIndex"          orm:"ha_index"           description:""`
	Port             int         `json:"port"             orm:"port"               description:""`
	TokenGen         int         `json:"tokenGen"         orm:"token_gen"          description:""`
	SpecHash         string      `json:"specHash"         orm:"spec_hash"          description:""`
	Desired          string      `json:"desired"          orm:"desired"            description:""`
	State            string      `json:"state"            orm:"state"              description:""`
	OpGen            int         `json:"opGen"            orm:"op_gen"             description:""`
	LastError        string      `json:"lastError"        orm:"last_error"         description:""`
	RxLast           int64       `json:"rxLast"           orm:"rx_last"            description:""`
	TxLast           int64       `json:"txLast"           orm:"tx_last"            description:""`
	RxTotal          int64       `json:"rxTotal"          orm:"rx_total"           description:""`
	TxTotal          int64       `json:"txTotal"          orm:"tx_total"           description:""`
	CounterStartedAt string      `json:"counterStartedAt" orm:"counter_started_at" description:""`
	RateBps          int64       `json:"rateBps"          orm:"rate_bps"           description:""`
	RateHighStreak   int         `json:"rateHighStreak"   orm:"rate_high_streak"   description:""`
	ProbeOk          int         `json:"probeOk"          orm:"probe_ok"           description:""`
	LatencyMs        int         `json:"latencyMs"        orm:"latency_ms"         description:""`
	DownSince        *gtime.Time `json:"downSince"        orm:"down_since"         description:""`
	RemovedAt        *gtime.Time `json:"removedAt"        orm:"removed_at"         description:""`
	CreatedAt        *gtime.Time `json:"createdAt"        orm:"created_at"         description:""`
	UpdatedAt        *gtime.Time `json:"updatedAt"        orm:"updated_at"         description:""`
}
