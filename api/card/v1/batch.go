package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Card batches (卡密批次, seed 001 §3.1): an agent (or agent-admin, or the super-admin) picks an
// authorized project, one of its plans and a count; count x price units are charged through the
// ledger in the batch's own transaction and the keys are generated at once. Agents see their own
// batches, agent-admins their subtree's, the super-admin all.

// BatchItem is one batch. status: active, disabled (every card of it answers DISABLED); the
// plan's terms are copied at generation, so a later plan edit changes no sold card.
type BatchItem struct {
	Id              int64   `json:"id"`
	ProjectId       int64   `json:"projectId"`
	ProjectName     string  `json:"projectName"`
	PlanId          int64   `json:"planId"`
	PlanName        string  `json:"planName"`
	OwnerId         int64   `json:"ownerId"         dc:"the operator who generated (and paid for) the batch"`
	OwnerName       string  `json:"ownerName"`
	Count           int     `json:"count"`
	Price           int64   `json:"price"           dc:"units per card, as the plan said at generation"`
	Cost            int64   `json:"cost"            dc:"units charged: count x price (0 for the super-admin, whose side is the system account)"`
	DurationSeconds int64   `json:"durationSeconds" dc:"validity from activation; 0: permanent"`
	MaxDevices      int     `json:"maxDevices"`
	Remark          string  `json:"remark"`
	Status          string  `json:"status"          dc:"active or disabled"`
	DisabledAt      *string `json:"disabledAt"`
	CreatedAt       string  `json:"createdAt"`
}

type BatchCreateReq struct {
	g.Meta    `path:"/cards/batches" method:"post" tags:"卡密 Cards" summary:"Generate a batch of cards of an authorized project's plan; count x price units are charged in the same transaction (Idempotency-Key honoured)" idempotent:"true"`
	ProjectId int64  `json:"projectId" v:"required|min:1"`
	PlanId    int64  `json:"planId"    v:"required|min:1" dc:"an active plan of the project"`
	Count     int    `json:"count"     v:"required|between:1,100000"`
	Remark    string `json:"remark"    v:"max-length:255"`
}

type BatchCreateRes struct {
	BatchItem
}

type BatchListReq struct {
	g.Meta `path:"/cards/batches/list" method:"get" tags:"卡密 Cards" summary:"Batches in the caller's scope; sortBy: id, count, cost, createdAt"`
	common.PageReq
	ProjectId int64  `json:"projectId" v:"min:0"`
	PlanId    int64  `json:"planId"    v:"min:0"`
	OwnerId   int64  `json:"ownerId"   v:"min:0"`
	Status    string `json:"status"    v:"in:active,disabled"`
}

type BatchListRes struct {
	Items []BatchItem `json:"items"`
	Total int         `json:"total"`
}

type BatchGetReq struct {
	g.Meta `path:"/cards/batches/{id}" method:"get" tags:"卡密 Cards" summary:"One batch with its cards counted by status"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type BatchGetRes struct {
	BatchItem
	Cards map[string]int `json:"cards" dc:"cards of the batch by status: unused, active, expired, disabled"`
}

type BatchExportReq struct {
	g.Meta `path:"/cards/batches/{id}/export" method:"get" tags:"卡密 Cards" summary:"Download every card of the batch (key, plan, status, activation and expiry) as .xlsx or .csv; each export is audited" raw:"true" mime:"application/octet-stream"`
	Id     int64  `json:"id"     in:"path" v:"min:1"`
	Format string `json:"format" d:"xlsx" v:"in:xlsx,csv"`
}

type BatchExportRes struct{}

type BatchDisableReq struct {
	g.Meta `path:"/cards/batches/{id}/disable" method:"post" tags:"卡密 Cards" summary:"Disable a batch: every card of it answers DISABLED until it is enabled again"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type BatchDisableRes struct {
	BatchItem
}

type BatchEnableReq struct {
	g.Meta `path:"/cards/batches/{id}/enable" method:"post" tags:"卡密 Cards" summary:"Enable a disabled batch again; its cards answer by their own status"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type BatchEnableRes struct {
	BatchItem
}
