// Package v1 is the quota (额度) API (admin-api.md "quota"): balances, recharges, transfers,
// withdrawals, risk review and the ledger. Amounts are integer units (1 unit = 1 分 by
// default); every money-moving route takes an Idempotency-Key. Every route is RBAC-checked,
// then scoped: a user outside the caller's scope is 404.
package v1

import "github.com/gogf/gf/v2/frame/g"

type BalanceReq struct {
	g.Meta `path:"/quota/balance" method:"get" tags:"额度 Quota" summary:"The caller's balance, or (userId) that of a user in its scope"`
	UserId int64 `json:"userId" v:"min:0" dc:"a user in the caller's scope; absent: the caller"`
}

type BalanceRes struct {
	UserId    int64 `json:"userId"`
	Available int64 `json:"available" dc:"units the user can spend, transfer or withdraw"`
	Frozen    int64 `json:"frozen"    dc:"units held by pending withdrawals, reviews and module reservations"`
}
