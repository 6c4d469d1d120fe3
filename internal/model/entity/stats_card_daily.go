// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

// StatsCardDaily is the golang structure for table stats_card_daily.
type StatsCardDaily struct {
	Day       string `json:"day"       orm:"day"        description:""`
	OwnerId   int64  `json:"ownerId"   orm:"owner_id"   description:""`
	ProjectId int64  `json:"projectId" orm:"project_id" description:""`
	Created   int64  `json:"created"   orm:"created"    description:""`
	Activated int64  `json:"activated" orm:"activated"  description:""`
	Expired   int64  `json:"expired"   orm:"expired"    description:""`
	Disabled  int64  `json:"disabled"  orm:"disabled"   description:""`
}
