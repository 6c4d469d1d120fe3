// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpTrafficHourly is the golang structure for table derp_traffic_hourly.
type DerpTrafficHourly struct {
	ContainerId int64       `json:"containerId" orm:"container_id" description:""`
	BucketTs    *gtime.Time `json:"bucketTs"    orm:"bucket_ts"    description:""`
	RentalId    int64       `json:"rentalId"    orm:"rental_id"    description:""`
	RxBytes     int64       `json:"rxBytes"     orm:"rx_bytes"     description:""`
	TxBytes     int64       `json:"txBytes"     orm:"tx_bytes"     description:""`
	PeakBps     int64       `json:"peakBps"     orm:"peak_bps"     description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"   description:""`
	UpdatedAt   *gtime.Time `json:"updatedAt"   orm:"updated_at"   description:""`
}
