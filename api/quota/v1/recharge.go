package v1

import "github.com/gogf/gf/v2/frame/g"

type RechargeReq struct {
	g.Meta `path:"/quota/recharge" method:"post" tags:"额度 Quota" summary:"Recharge a user: the super-admin without limit (system recharge), an agent-admin one of its agents from its own available quota" idempotent:"true" sensitive:"quota"`
	UserId int64  `json:"userId" v:"required|min:1"                  dc:"the user to recharge"`
	Amount int64  `json:"amount" v:"required|min:1|max:100000000000" dc:"units, positive"`
	Remark string `json:"remark" v:"max-length:255"                  dc:"shown in both ledgers"`
}

// RechargeRes is the recipient's balance after the recharge.
type RechargeRes struct {
	MovementId int64 `json:"movementId" dc:"the ledger movement"`
	BalanceRes
}
