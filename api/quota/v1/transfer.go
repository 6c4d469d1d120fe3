package v1

import "github.com/gogf/gf/v2/frame/g"

type TransferReq struct {
	g.Meta     `path:"/quota/transfer" method:"post" tags:"额度 Quota" summary:"Transfer quota to another user by username; a transfer a risk rule flags is held for review (amount frozen)" idempotent:"true" sensitive:"quota"`
	ToUsername string `json:"toUsername" v:"required|max-length:128"     dc:"the recipient's username (any case)"`
	Amount     int64  `json:"amount"     v:"required|min:1|max:100000000000" dc:"units, at least the setting quota.minTransfer"`
	Remark     string `json:"remark"     v:"max-length:255"              dc:"shown in both ledgers"`
}

// TransferRes tells whether the transfer happened or waits for review, with the caller's balance.
type TransferRes struct {
	Status     string `json:"status"     dc:"done, or review (held by a risk rule; the amount stays frozen until a reviewer decides)"`
	MovementId int64  `json:"movementId" dc:"the ledger movement when done"`
	ReviewId   int64  `json:"reviewId"   dc:"the review when held"`
	BalanceRes
}
