package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// RentalTraffic is a rental's term traffic; remainingBytes is null when unlimited.
type RentalTraffic struct {
	QuotaBytes     int64  `json:"quotaBytes"`
	UsedBytes      int64  `json:"usedBytes"`
	RemainingBytes *int64 `json:"remainingBytes"`
}

// RentalNode is one relay region of the rental as its derpMap shows it.
type RentalNode struct {
	HaIndex    int    `json:"haIndex"`
	RegionId   int    `json:"regionId"`
	RegionCode string `json:"regionCode"`
	RegionName string `json:"regionName"`
	Host       string `json:"host"`
	Port       int    `json:"port"`
	State      string `json:"state"`
}

// RentalAcl is the rental's current derpMap version, null before the first generation.
type RentalAcl struct {
	Version      int    `json:"version"`
	GeneratedAt  string `json:"generatedAt"`
	ValidUntil   string `json:"validUntil"`
	Sha256       string `json:"sha256"`
	Downloadable bool   `json:"downloadable"`
}

// RentalDetail is a rental as its customer sees it (§5).
type RentalDetail struct {
	Id                 int64         `json:"id"`
	RentalNo           string        `json:"rentalNo"`
	State              string        `json:"state"`
	SuspendReason      string        `json:"suspendReason"`
	PlanId             int64         `json:"planId"`
	PlanName           string        `json:"planName"`
	StartedAt          string        `json:"startedAt"`
	ExpiresAt          string        `json:"expiresAt"`
	DaysLeft           int           `json:"daysLeft"`
	Traffic            RentalTraffic `json:"traffic"`
	MaxDevices         int           `json:"maxDevices"`
	OmitDefaultRegions bool          `json:"omitDefaultRegions"`
	AutoRenew          bool          `json:"autoRenew" dc:"renewed from the balance, with its plan, in the day before it expires"`
	PlacementDegraded  bool          `json:"placementDegraded"`
	Nodes              []RentalNode  `json:"nodes"`
	Acl                *RentalAcl    `json:"acl"`
}

type MeRentalActivateReq struct {
	g.Meta `path:"/derp/me/rentals/activate" method:"post" auth:"login" tags:"DERP" summary:"Start a rental with a serial or a plan paid from the balance (Idempotency-Key honoured)" idempotent:"true"`
	Serial string `json:"serial" v:"required-without:PlanId|max-length:64"`
	PlanId int64  `json:"planId" v:"required-without:Serial|min:0"`
}

type MeRentalActivateRes = RentalDetail

type MeRentalListReq struct {
	g.Meta `path:"/derp/me/rentals/list" method:"get" auth:"login" tags:"DERP" summary:"The caller's rentals, deregistered ones included"`
	common.PageReq
}

type MeRentalListRes struct {
	Items []RentalDetail `json:"items"`
	Total int            `json:"total"`
}

type MeRentalGetReq struct {
	g.Meta `path:"/derp/me/rentals/{id}" method:"get" auth:"login" tags:"DERP" summary:"One of the caller's rentals"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type MeRentalGetRes = RentalDetail
