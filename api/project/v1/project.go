package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Projects (项目管理, seed 001 §2.1) are the third-party products whose cards Kami sells. The
// super-admin manages them; agents and agent-admins read the active ones (to apply for them
// and to generate cards of the ones they are authorized for).

// ProjectSettings are a project's rules for its cards and its OpenAPI callers.
type ProjectSettings struct {
	MaxUnbinds         int  `json:"maxUnbinds"         dc:"unbinds one card allows over its life; 0: none"`
	UnbindCooldown     int  `json:"unbindCooldown"     dc:"seconds between two unbinds of one card"`
	VerifyAfterAuthEnd bool `json:"verifyAfterAuthEnd" dc:"cards of an agent whose authorization ended still verify (false: they answer NOT_AUTHORIZED)"`
	RatePerApp         int  `json:"ratePerApp"         dc:"OpenAPI requests per minute for the whole project; 0: no limit"`
	RatePerIp          int  `json:"ratePerIp"          dc:"OpenAPI requests per minute per caller IP; 0: no limit"`
}

// ProjectSettingsInput sets some of the settings; an absent field keeps its value (its default
// on create: 3 unbinds, 3600 s cooldown, verify after the authorization ended, 12000 and 1200
// requests per minute: 200/s for the project, 20/s per caller IP).
type ProjectSettingsInput struct {
	MaxUnbinds         *int  `json:"maxUnbinds"         v:"min:0|max:1000"`
	UnbindCooldown     *int  `json:"unbindCooldown"     v:"min:0|max:31536000" dc:"seconds, at most a year"`
	VerifyAfterAuthEnd *bool `json:"verifyAfterAuthEnd"`
	RatePerApp         *int  `json:"ratePerApp"         v:"min:0|max:10000000"`
	RatePerIp          *int  `json:"ratePerIp"          v:"min:0|max:10000000"`
}

// ProjectItem is one project. The fields marked "super-admin" are empty for other roles, who
// see instead whether they are authorized for it.
type ProjectItem struct {
	Id              int64           `json:"id"`
	Name            string          `json:"name"`
	Description     string          `json:"description"`
	Version         string          `json:"version"         dc:"the product's current version"`
	Status          string          `json:"status"          dc:"active or disabled"`
	Settings        ProjectSettings `json:"settings"`
	AppKey          string          `json:"appKey,omitempty"          dc:"super-admin: the public key id of the OpenAPI (X-Kami-App-Key)"`
	CallbackUrl     string          `json:"callbackUrl,omitempty"     dc:"super-admin: where card events are posted"`
	CallbackEvents  []string        `json:"callbackEvents,omitempty"  dc:"super-admin: card.activated, card.verified, card.unbound, card.expired, card.disabled"`
	SecretRotatedAt *string         `json:"secretRotatedAt,omitempty" dc:"super-admin: last rotation of the appSecret"`
	PrevSecretUntil *string         `json:"prevSecretUntil,omitempty" dc:"super-admin: the previous appSecret verifies until then"`
	Authorized      *bool           `json:"authorized,omitempty"      dc:"agents and agent-admins: whether the caller may generate cards of it"`
	AuthorizedUntil *string         `json:"authorizedUntil,omitempty" dc:"agents and agent-admins: end of the caller's authorization; absent when it has none or it never ends"`
	CreatedAt       string          `json:"createdAt"`
	UpdatedAt       string          `json:"updatedAt"`
}

// SigningKeyItem is a public Ed25519 response-signing key.
type SigningKeyItem struct {
	Kid       string  `json:"kid"`
	Alg       string  `json:"alg"       dc:"Ed25519"`
	PublicKey string  `json:"publicKey" dc:"standard base64 of the 32-byte public key"`
	Status    string  `json:"status"    dc:"active (signs) or retiring (still published until retireAt)"`
	RetireAt  *string `json:"retireAt"  dc:"when a retiring key stops being published"`
	CreatedAt string  `json:"createdAt"`
}

type ProjectCreateReq struct {
	g.Meta         `path:"/projects" method:"post" tags:"项目 Projects" summary:"Create a project with its plans: answers the appKey, appSecret and webhookSecret (the secrets are shown this once) and the first signing key"`
	Name           string                `json:"name"           v:"required|length:1,64"`
	Description    string                `json:"description"    v:"max-length:1000"`
	Version        string                `json:"version"        v:"max-length:32"`
	CallbackUrl    string                `json:"callbackUrl"    v:"url|max-length:512" dc:"http(s) URL card events are posted to; empty: none"`
	CallbackEvents []string              `json:"callbackEvents" v:"foreach|in:card.activated,card.verified,card.unbound,card.expired,card.disabled"`
	Settings       *ProjectSettingsInput `json:"settings"`
	Plans          []PlanInput           `json:"plans"          v:"required" dc:"at least one plan, at most 50"`
}

type ProjectCreateRes struct {
	ProjectItem
	AppSecret     string         `json:"appSecret"     dc:"shown once: store it now"`
	WebhookSecret string         `json:"webhookSecret" dc:"shown once: signs the callbacks (X-Kami-Webhook-Signature)"`
	Plans         []PlanItem     `json:"plans"`
	SigningKey    SigningKeyItem `json:"signingKey"`
}

type ProjectListReq struct {
	g.Meta `path:"/projects/list" method:"get" tags:"项目 Projects" summary:"Projects: all for the super-admin, the active ones for other roles (with whether the caller is authorized); sortBy: id, name, createdAt"`
	common.PageReq
	Name   string `json:"name"   v:"max-length:64"          dc:"part of the name"`
	Status string `json:"status" v:"in:active,disabled"     dc:"exact status (super-admin)"`
}

type ProjectListRes struct {
	Items []ProjectItem `json:"items"`
	Total int           `json:"total"`
}

type ProjectGetReq struct {
	g.Meta `path:"/projects/{id}" method:"get" tags:"项目 Projects" summary:"One project with its plans (other roles: an active project and its active plans) and, for the super-admin, its published signing keys"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type ProjectGetRes struct {
	ProjectItem
	Plans       []PlanItem       `json:"plans"`
	SigningKeys []SigningKeyItem `json:"signingKeys,omitempty" dc:"super-admin"`
}

type ProjectUpdateReq struct {
	g.Meta         `path:"/projects/{id}" method:"put" tags:"项目 Projects" summary:"Change a project's details, callback and settings; absent fields keep their value"`
	Id             int64                 `json:"id"             in:"path" v:"min:1"`
	Name           *string               `json:"name"           v:"length:1,64"`
	Description    *string               `json:"description"    v:"max-length:1000"`
	Version        *string               `json:"version"        v:"max-length:32"`
	CallbackUrl    *string               `json:"callbackUrl"    v:"url|max-length:512" dc:"empty string: no callback"`
	CallbackEvents []string              `json:"callbackEvents" v:"foreach|in:card.activated,card.verified,card.unbound,card.expired,card.disabled" dc:"absent: unchanged; [] none"`
	Settings       *ProjectSettingsInput `json:"settings"`
}

type ProjectUpdateRes struct {
	ProjectItem
}

type ProjectStatusReq struct {
	g.Meta `path:"/projects/{id}/status" method:"put" tags:"项目 Projects" summary:"Enable or disable a project: a disabled project's cards answer PROJECT_DISABLED and no batch can be generated"`
	Id     int64  `json:"id"     in:"path" v:"min:1"`
	Status string `json:"status" v:"required|in:active,disabled"`
}

type ProjectStatusRes struct {
	ProjectItem
}

type SecretRotateReq struct {
	g.Meta `path:"/projects/{id}/secret/rotate" method:"post" tags:"项目 Projects" summary:"Issue a new appSecret (shown once); the previous one keeps verifying for the grace period of the setting projects.secretGrace, a secret older than that stops at once"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type SecretRotateRes struct {
	AppKey          string  `json:"appKey"`
	AppSecret       string  `json:"appSecret"       dc:"shown once"`
	PrevSecretUntil *string `json:"prevSecretUntil" dc:"the previous secret verifies until then"`
}

type SigningKeyRotateReq struct {
	g.Meta `path:"/projects/{id}/signing-key/rotate" method:"post" tags:"项目 Projects" summary:"Make a new Ed25519 signing key the active one; the previous key stays published as retiring for the setting projects.signingKeyGrace"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type SigningKeyRotateRes struct {
	Active SigningKeyItem   `json:"active"`
	Keys   []SigningKeyItem `json:"keys" dc:"every published key, as GET /openapi/v1/keys lists them"`
}
