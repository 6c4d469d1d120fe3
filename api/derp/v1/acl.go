package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

type MeAclDownloadReq struct {
	g.Meta      `path:"/derp/me/rentals/{id}/acl" method:"get" auth:"login" tags:"DERP" summary:"Download the rental's derpMap (json for a tailnet policy, headscale for derp.paths); every attempt is logged" raw:"true" mime:"application/json"`
	Id          int64  `json:"id"          in:"path" v:"required|min:1"`
	Format      string `json:"format"      v:"in:json,headscale" dc:"json (default) or headscale"`
	MachineCode string `json:"machineCode" v:"regex:^[A-Za-z0-9_-]{1,64}$"`
}

type MeAclDownloadRes struct{}

// AclVersionItem is one generation of a rental's derpMap as its customer sees it.
type AclVersionItem struct {
	Version     int    `json:"version"`
	GeneratedAt string `json:"generatedAt"`
	ValidUntil  string `json:"validUntil"`
	Trigger     string `json:"trigger"`
	Sha256      string `json:"sha256"`
	Status      string `json:"status"`
}

type MeAclVersionsReq struct {
	g.Meta `path:"/derp/me/rentals/{id}/acl/versions" method:"get" auth:"login" tags:"DERP" summary:"The rental's derpMap versions, newest first"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type MeAclVersionsRes struct {
	Items []AclVersionItem `json:"items"`
	Total int              `json:"total"`
}

type MeAclRegenerateReq struct {
	g.Meta `path:"/derp/me/rentals/{id}/acl/regenerate" method:"post" auth:"login" tags:"DERP" summary:"Generate a new derpMap version (at most 3 per day per rental)"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type MeAclRegenerateRes = AclVersionItem

type MeRentalUpdateReq struct {
	g.Meta             `path:"/derp/me/rentals/{id}" method:"put" auth:"login" tags:"DERP" summary:"Change the rental's options; a change makes a new derpMap version"`
	Id                 int64 `json:"id"                 in:"path" v:"required|min:1"`
	OmitDefaultRegions *bool `json:"omitDefaultRegions" v:"required"`
}

type MeRentalUpdateRes = RentalDetail

// AclGenerationItem is one derpMap generation as staff see it (the generation log).
type AclGenerationItem struct {
	Id          int64  `json:"id"`
	RentalId    int64  `json:"rentalId"`
	Version     int    `json:"version"`
	Sha256      string `json:"sha256"`
	GeneratedAt string `json:"generatedAt"`
	ValidUntil  string `json:"validUntil"`
	Trigger     string `json:"trigger"`
	ActorId     *int64 `json:"actorId"`
	ActorIp     string `json:"actorIp"`
	ActorGeo    string `json:"actorGeo"`
	Status      string `json:"status"`
}

type AclGenerationListReq struct {
	g.Meta `path:"/derp/acl/generations/list" method:"get" tags:"DERP" summary:"derpMap generations of the rentals in scope"`
	common.PageReq
	RentalId   int64  `json:"rentalId"   v:"min:0"`
	CustomerId int64  `json:"customerId" v:"min:0"`
	Trigger    string `json:"trigger"    v:"max-length:32"`
}

type AclGenerationListRes struct {
	Items []AclGenerationItem `json:"items"`
	Total int                 `json:"total"`
}

// AclDownloadItem is one download attempt: customerId is the rental's owner, userId and
// username the caller.
type AclDownloadItem struct {
	Id          int64  `json:"id"`
	RentalId    int64  `json:"rentalId"`
	CustomerId  int64  `json:"customerId"`
	UserId      int64  `json:"userId"`
	Username    string `json:"username"`
	Version     int    `json:"version"`
	Ip          string `json:"ip"`
	Geo         string `json:"geo"`
	MachineCode string `json:"machineCode"`
	Browser     string `json:"browser"`
	UserAgent   string `json:"userAgent"`
	Format      string `json:"format"`
	Result      string `json:"result"`
	Reason      string `json:"reason"`
	CreatedAt   string `json:"createdAt"`
}

type AclDownloadListReq struct {
	g.Meta `path:"/derp/acl/downloads/list" method:"get" tags:"DERP" summary:"derpMap download attempts of the rentals in scope"`
	common.PageReq
	RentalId   int64  `json:"rentalId"   v:"min:0"`
	CustomerId int64  `json:"customerId" v:"min:0"`
	Result     string `json:"result"     v:"in:ok,denied"`
	From       string `json:"from"       v:"max-length:40" dc:"RFC 3339, inclusive"`
	To         string `json:"to"         v:"max-length:40" dc:"RFC 3339, exclusive"`
}

type AclDownloadListRes struct {
	Items []AclDownloadItem `json:"items"`
	Total int               `json:"total"`
}

type RentalAclRegenerateReq struct {
	g.Meta `path:"/derp/rentals/{id}/acl/regenerate" method:"post" tags:"DERP" summary:"Generate a new derpMap version for a rental (S, AA); the admin's IP and geo are logged"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type RentalAclRegenerateRes = AclGenerationItem
