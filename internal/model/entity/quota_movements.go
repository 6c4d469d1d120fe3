// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaMovements is the golang structure for table quota_movements.
type QuotaMovements struct {
	Id          int64       `json:"id"          orm:"id"          description:""`
	IdemKey     string      `json:"idemKey"     orm:"idem_key"    description:""`
	Fingerprint string      `json:"fingerprint" orm:"fingerprint" description:""`
	Type        string      `json:"type"        orm:"type"        description:""`
	Ref         string      `json:"ref"         orm:"ref"         description:""`
	OperatorId  int64       `json:"operatorId"  orm:"operator_id" description:""`
	Amount      int64       `json:"amount"      orm:"amount"      description:""`
	Result      int64       `json:"result"      orm:"result"      description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"  description:""`
}
