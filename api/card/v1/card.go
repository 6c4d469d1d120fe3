package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Cards (卡密, seed 001 §3.2, 3.3). A card is unused until its first verification (OpenAPI)
// activates it; it expires at expiresAt; its agent or an admin disables and enables it (one, a
// selection, or its whole batch) and unbinds its devices. Keys are never shown in lists: only
// their mask; the batch export is the one place they are read back.

// CardItem is one card. status: unused, active, expired or disabled; a card of a disabled
// batch keeps its status and reads batchStatus disabled (it answers DISABLED all the same).
type CardItem struct {
	Id              int64   `json:"id"`
	Key             string  `json:"key"             dc:"the masked key, e.g. ABCD-****-WXYZ"`
	ProjectId       int64   `json:"projectId"`
	ProjectName     string  `json:"projectName"`
	BatchId         int64   `json:"batchId"`
	BatchStatus     string  `json:"batchStatus"`
	PlanId          int64   `json:"planId"`
	PlanName        string  `json:"planName"`
	OwnerId         int64   `json:"ownerId"`
	OwnerName       string  `json:"ownerName"`
	Status          string  `json:"status"          dc:"unused, active, expired or disabled"`
	DurationSeconds int64   `json:"durationSeconds" dc:"0: permanent"`
	MaxDevices      int     `json:"maxDevices"`
	BoundDevices    int     `json:"boundDevices"    dc:"0 after an unbind: the next verification binds the new device"`
	UnbindCount     int     `json:"unbindCount"`
	ActivatedAt     *string `json:"activatedAt"`
	ExpiresAt       *string `json:"expiresAt"       dc:"null: not activated yet, or permanent"`
	LastVerifiedAt  *string `json:"lastVerifiedAt"`
	LastUnbindAt    *string `json:"lastUnbindAt"`
	DisabledAt      *string `json:"disabledAt"`
	CreatedAt       string  `json:"createdAt"`
}

type CardListReq struct {
	g.Meta `path:"/cards/list" method:"get" tags:"卡密 Cards" summary:"Cards in the caller's scope; keyword is an exact key (case, spaces and - ignored); sortBy: id, activatedAt, expiresAt"`
	common.PageReq
	ProjectId int64  `json:"projectId" v:"min:0"`
	BatchId   int64  `json:"batchId"   v:"min:0"`
	OwnerId   int64  `json:"ownerId"   v:"min:0"`
	Status    string `json:"status"    v:"in:unused,active,expired,disabled"`
	Keyword   string `json:"keyword"   v:"max-length:64" dc:"a whole card key: finds that card only"`
}

type CardListRes struct {
	Items []CardItem `json:"items"`
	Total int        `json:"total"`
}

// DeviceItem is a device bound to a card now or before (unboundAt set).
type DeviceItem struct {
	Device     string  `json:"device"`
	Bound      bool    `json:"bound"`
	BoundAt    *string `json:"boundAt"`
	UnboundAt  *string `json:"unboundAt"`
	LastSeenAt *string `json:"lastSeenAt"`
}

// VerificationItem is one verification of the card (OpenAPI verify).
type VerificationItem struct {
	Id            int64  `json:"id"`
	Result        string `json:"result"        dc:"VALID, EXPIRED, DEVICE_MISMATCH, ..."`
	Ip            string `json:"ip"`
	ClientVersion string `json:"clientVersion"`
	CreatedAt     string `json:"createdAt"`
}

type CardGetReq struct {
	g.Meta `path:"/cards/{id}" method:"get" tags:"卡密 Cards" summary:"One card with its devices and its latest verifications"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type CardGetRes struct {
	CardItem
	Devices       []DeviceItem       `json:"devices"`
	Verifications []VerificationItem `json:"verifications" dc:"the latest ones, newest first (at most 50)"`
}

type CardStatusReq struct {
	g.Meta `path:"/cards/{id}/status" method:"put" tags:"卡密 Cards" summary:"Disable a card, or enable it again (it returns to the status its dates say: unused, active or expired)"`
	Id     int64  `json:"id"     in:"path" v:"min:1"`
	Status string `json:"status" v:"required|in:disabled,enabled"`
}

type CardStatusRes struct {
	CardItem
}

type CardsStatusReq struct {
	g.Meta `path:"/cards/status" method:"put" tags:"卡密 Cards" summary:"Disable or enable a selection of cards at once; cards outside the caller's scope are refused (404) and nothing changes"`
	Ids    []int64 `json:"ids"    v:"required" dc:"1-1000 card ids"`
	Status string  `json:"status" v:"required|in:disabled,enabled"`
}

type CardsStatusRes struct {
	Changed int `json:"changed" dc:"cards whose status changed (the others already were so)"`
}

type CardUnbindReq struct {
	g.Meta `path:"/cards/{id}/unbind" method:"post" tags:"卡密 Cards" summary:"Release every device of an active, unexpired card within the project's unbind limit and cooldown; the validity is never reset" idempotent:"true"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type CardUnbindRes struct {
	CardItem
	Released int `json:"released" dc:"devices released"`
}
