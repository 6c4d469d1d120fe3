package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// LedgerFilter selects ledger entries; every field is optional. The caller sees its own
// entries (an agent), its subtree's (an agent-admin) or all (the super-admin).
type LedgerFilter struct {
	UserId int64  `json:"userId" v:"min:0"          dc:"the account's user"`
	Type   string `json:"type"   v:"max-length:32"  dc:"movement type: system_recharge, recharge, initial_quota, transfer, withdrawal, or a module's (card_batch...)"`
	Bucket string `json:"bucket" v:"in:available,frozen" dc:"which part of the account the entry moved"`
	Ref    string `json:"ref"    v:"max-length:128" dc:"the business object, exact: withdrawal:12, review:3, batch:7"`
	From   string `json:"from"   v:"max-length:40"  dc:"RFC 3339; entries at or after it"`
	To     string `json:"to"     v:"max-length:40"  dc:"RFC 3339; entries before it"`
}

// LedgerItem is one entry: amount into (positive) or out of (negative) one part of an account.
type LedgerItem struct {
	Id             int64  `json:"id"`
	MovementId     int64  `json:"movementId"     dc:"the operation; its entries sum to zero"`
	UserId         int64  `json:"userId"         dc:"0: the system account"`
	Username       string `json:"username"`
	Bucket         string `json:"bucket"         dc:"available or frozen"`
	Amount         int64  `json:"amount"         dc:"signed units"`
	BalanceAfter   int64  `json:"balanceAfter"   dc:"that part of the account after the entry"`
	Type           string `json:"type"`
	CounterpartyId int64  `json:"counterpartyId" dc:"the other side; 0: the system account"`
	Counterparty   string `json:"counterparty"`
	OperatorId     int64  `json:"operatorId"     dc:"who did it; 0: the system (a job)"`
	Operator       string `json:"operator"`
	Ref            string `json:"ref"`
	Remark         string `json:"remark"`
	CreatedAt      string `json:"createdAt"`
}

type LedgerListReq struct {
	g.Meta `path:"/quota/ledger/list" method:"get" tags:"额度 Quota" summary:"Ledger entries in the caller's scope, newest first; sortBy: id, amount, createdAt"`
	common.PageReq
	LedgerFilter
}

type LedgerListRes struct {
	Items []LedgerItem `json:"items"`
	Total int          `json:"total"`
}

type LedgerExportReq struct {
	g.Meta `path:"/quota/ledger/export" method:"get" tags:"额度 Quota" summary:"Download every entry of the filtered ledger as .xlsx (streamed)" mime:"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"`
	LedgerFilter
}

type LedgerExportRes struct{}

// AlertItem is a discrepancy the reconciliation job found.
type AlertItem struct {
	Id        int64  `json:"id"`
	Kind      string `json:"kind"     dc:"account (a balance differs from the sum of its entries) or global (the entries do not sum to zero)"`
	UserId    int64  `json:"userId"`
	Bucket    string `json:"bucket"`
	Expected  int64  `json:"expected" dc:"the sum of the entries"`
	Actual    int64  `json:"actual"   dc:"the balance row (global: the sum of all entries)"`
	CreatedAt string `json:"createdAt"`
}

type AlertListReq struct {
	g.Meta `path:"/quota/alerts/list" method:"get" tags:"额度 Quota" summary:"What the reconciliation job found, newest first"`
	common.PageReq
}

type AlertListRes struct {
	Items []AlertItem `json:"items"`
	Total int         `json:"total"`
}
