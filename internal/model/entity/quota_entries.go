// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaEntries is the golang structure for table quota_entries.
type QuotaEntries struct {
	Id             int64       `json:"id"             orm:"id"              description:""`
	MovementId     int64       `json:"movementId"     orm:"movement_id"     description:""`
	UserId         int64       `json:"userId"         orm:"user_id"         description:""`
	Bucket         string      `json:"bucket"         orm:"bucket"          description:""`
	Amount         int64       `json:"amount"         orm:"amount"          description:""`
	BalanceAfter   int64       `json:"balanceAfter"   orm:"balance_after"   description:""`
	Type           string      `json:"type"           orm:"type"            description:""`
	CounterpartyId int64       `json:"counterpartyId" orm:"counterparty_id" description:""`
	OperatorId     int64       `json:"operatorId"     orm:"operator_id"     description:""`
	Ref            string      `json:"ref"            orm:"ref"             description:""`
	Remark         string      `json:"remark"         orm:"remark"          description:""`
	IdemKey        string      `json:"idemKey"        orm:"idem_key"        description:""`
	CreatedAt      *gtime.Time `json:"createdAt"      orm:"created_at"      description:""`
}
