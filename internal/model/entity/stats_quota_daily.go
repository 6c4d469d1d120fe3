// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

// StatsQuotaDaily is the golang structure for table stats_quota_daily.
type StatsQuotaDaily struct {
	Day       string `json:"day"       orm:"day"        description:""`
	UserId    int64  `json:"userId"    orm:"user_id"    description:""`
	Type      string `json:"type"      orm:"type"       description:""`
	AmountIn  int64  `json:"amountIn"  orm:"amount_in"  description:""`
	AmountOut int64  `json:"amountOut" orm:"amount_out" description:""`
	Entries   int64  `json:"entries"   orm:"entries"    description:""`
}
