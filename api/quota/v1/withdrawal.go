package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// WithdrawalItem is one withdrawal request. status: review (held by a risk rule), pending
// (waiting for the approver), paid, rejected, cancelled.
type WithdrawalItem struct {
	Id         int64   `json:"id"`
	UserId     int64   `json:"userId"`
	Username   string  `json:"username"`
	Amount     int64   `json:"amount"     dc:"units requested; after a partial review, what was approved"`
	Account    string  `json:"account"    dc:"where the payout goes (bank card, Alipay account...)"`
	Remark     string  `json:"remark"`
	Status     string  `json:"status"     dc:"review, pending, paid, rejected or cancelled"`
	PaymentRef string  `json:"paymentRef" dc:"the offline payment's reference, once paid"`
	Reason     string  `json:"reason"     dc:"why it was rejected"`
	DecidedBy  int64   `json:"decidedBy"`
	DecidedAt  *string `json:"decidedAt"`
	CreatedAt  string  `json:"createdAt"`
}

type WithdrawalCreateReq struct {
	g.Meta  `path:"/quota/withdrawals" method:"post" tags:"额度 Quota" summary:"Ask to withdraw quota; the amount is frozen until the approver (the requester's agent-admin, or the super-admin) decides" idempotent:"true" sensitive:"quota"`
	Amount  int64  `json:"amount"  v:"required|min:1|max:100000000000" dc:"units, at least the setting quota.minWithdrawal"`
	Account string `json:"account" v:"required|max-length:255"        dc:"the payout account"`
	Remark  string `json:"remark"  v:"max-length:255"`
}

type WithdrawalCreateRes struct {
	WithdrawalItem
}

type WithdrawalListReq struct {
	g.Meta `path:"/quota/withdrawals/list" method:"get" tags:"额度 Quota" summary:"Withdrawals in the caller's scope (the approver's queue: status=pending); sortBy: id, amount, createdAt"`
	common.PageReq
	Status string `json:"status" v:"in:review,pending,paid,rejected,cancelled" dc:"exact status"`
	UserId int64  `json:"userId" v:"min:0"                                  dc:"requester"`
}

type WithdrawalListRes struct {
	Items []WithdrawalItem `json:"items"`
	Total int              `json:"total"`
}

type WithdrawalGetReq struct {
	g.Meta `path:"/quota/withdrawals/{id}" method:"get" tags:"额度 Quota" summary:"One withdrawal in the caller's scope"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type WithdrawalGetRes struct {
	WithdrawalItem
}

type WithdrawalApproveReq struct {
	g.Meta     `path:"/quota/withdrawals/{id}/approve" method:"put" tags:"额度 Quota" summary:"Approve a pending withdrawal: the frozen amount leaves, marked paid offline with the payment's reference" idempotent:"true"`
	Id         int64  `json:"id"         in:"path" v:"min:1"`
	PaymentRef string `json:"paymentRef" v:"required|max-length:128" dc:"the offline payment's reference (transfer number)"`
}

type WithdrawalApproveRes struct {
	WithdrawalItem
}

type WithdrawalRejectReq struct {
	g.Meta `path:"/quota/withdrawals/{id}/reject" method:"put" tags:"额度 Quota" summary:"Reject a pending withdrawal: the amount is unfrozen" idempotent:"true"`
	Id     int64  `json:"id"     in:"path" v:"min:1"`
	Reason string `json:"reason" v:"required|max-length:255" dc:"told to the requester"`
}

type WithdrawalRejectRes struct {
	WithdrawalItem
}

type WithdrawalCancelReq struct {
	g.Meta `path:"/quota/withdrawals/{id}/cancel" method:"put" tags:"额度 Quota" summary:"The requester cancels its own withdrawal while it is pending or under review: the amount is unfrozen" idempotent:"true"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type WithdrawalCancelRes struct {
	WithdrawalItem
}
