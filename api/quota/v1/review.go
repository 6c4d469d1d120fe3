package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// ReviewItem is an operation a risk rule held (seed 001 §9.2). status: pending, approved, rejected.
type ReviewItem struct {
	Id             int64    `json:"id"`
	Kind           string   `json:"kind"           dc:"transfer or withdrawal"`
	UserId         int64    `json:"userId"         dc:"who asked"`
	Username       string   `json:"username"`
	ToUserId       int64    `json:"toUserId"       dc:"the transfer's recipient"`
	ToUsername     string   `json:"toUsername"`
	Amount         int64    `json:"amount"         dc:"units asked for"`
	ApprovedAmount int64    `json:"approvedAmount" dc:"units let through (less than amount: approved in part)"`
	Rules          []string `json:"rules"          dc:"the risk rules that held it: single, frequency, afterIncoming"`
	Remark         string   `json:"remark"`
	Status         string   `json:"status"         dc:"pending, approved or rejected"`
	WithdrawalId   int64    `json:"withdrawalId"`
	Note           string   `json:"note"           dc:"the reviewer's note"`
	ReviewerId     int64    `json:"reviewerId"`
	DecidedAt      *string  `json:"decidedAt"`
	CreatedAt      string   `json:"createdAt"`
}

type ReviewListReq struct {
	g.Meta `path:"/quota/reviews/list" method:"get" tags:"额度 Quota" summary:"Operations held by risk rules (the review queue: status=pending); sortBy: id, amount, createdAt"`
	common.PageReq
	Status string `json:"status" v:"in:pending,approved,rejected" dc:"exact status"`
	Kind   string `json:"kind"   v:"in:transfer,withdrawal"       dc:"exact kind"`
	UserId int64  `json:"userId" v:"min:0"`
}

type ReviewListRes struct {
	Items []ReviewItem `json:"items"`
	Total int          `json:"total"`
}

type ReviewApproveReq struct {
	g.Meta `path:"/quota/reviews/{id}/approve" method:"put" tags:"额度 Quota" summary:"Let a held operation through, all of it or (amount) part of it; the rest is unfrozen. A withdrawal then waits for its approver" idempotent:"true"`
	Id     int64  `json:"id"     in:"path" v:"min:1"`
	Amount int64  `json:"amount" v:"min:0" dc:"units to let through; absent or 0: all"`
	Note   string `json:"note"   v:"max-length:255"`
}

type ReviewApproveRes struct {
	ReviewItem
}

type ReviewRejectReq struct {
	g.Meta `path:"/quota/reviews/{id}/reject" method:"put" tags:"额度 Quota" summary:"Stop a held operation: the amount is unfrozen" idempotent:"true"`
	Id     int64  `json:"id"   in:"path" v:"min:1"`
	Note   string `json:"note" v:"required|max-length:255" dc:"told to the requester"`
}

type ReviewRejectRes struct {
	ReviewItem
}
