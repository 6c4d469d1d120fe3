// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

// StatsActivityDaily is the golang structure for table stats_activity_daily.
type StatsActivityDaily struct {
	Day           string `json:"day"           orm:"day"            description:""`
	UserId        int64  `json:"userId"        orm:"user_id"        description:""`
	Logins        int64  `json:"logins"        orm:"logins"         description:""`
	Operations    int64  `json:"operations"    orm:"operations"     description:""`
	OnlineSeconds int64  `json:"onlineSeconds" orm:"online_seconds" description:""`
}
