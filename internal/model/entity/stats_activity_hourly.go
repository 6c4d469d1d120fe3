// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

// StatsActivityHourly is the golang structure for table stats_activity_hourly.
type StatsActivityHourly struct {
	Day        string `json:"day"        orm:"day"        description:""`
	Hour       int    `json:"hour"       orm:"hour"       description:""`
	UserId     int64  `json:"userId"     orm:"user_id"    description:""`
	Logins     int64  `json:"logins"     orm:"logins"     description:""`
	Operations int64  `json:"operations" orm:"operations" description:""`
}
