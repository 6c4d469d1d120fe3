package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Plans are what a project's cards are sold as (套餐): validity, price and devices per card.
// A batch copies its plan's terms, so editing a plan changes no card already generated.

// PlanInput is a plan as the super-admin writes it.
type PlanInput struct {
	Name            string `json:"name"            v:"required|length:1,64"`
	DurationSeconds int64  `json:"durationSeconds" v:"min:0|max:3153600000" dc:"validity from activation in seconds; 0 (or absent): permanent"`
	Price           int64  `json:"price"           v:"min:0|max:100000000000" dc:"quota units per card"`
	MaxDevices      int    `json:"maxDevices"      v:"required|between:1,1000" dc:"devices one card may be bound to at once"`
	Sort            int    `json:"sort"            v:"min:0|max:10000" dc:"display order, small first"`
}

// PlanItem is one plan.
type PlanItem struct {
	Id              int64  `json:"id"`
	ProjectId       int64  `json:"projectId"`
	Name            string `json:"name"`
	DurationSeconds int64  `json:"durationSeconds" dc:"0: permanent"`
	Price           int64  `json:"price"           dc:"quota units per card"`
	MaxDevices      int    `json:"maxDevices"`
	Status          string `json:"status"          dc:"active or disabled (no new batches)"`
	Sort            int    `json:"sort"`
	CreatedAt       string `json:"createdAt"`
	UpdatedAt       string `json:"updatedAt"`
}

type PlanListReq struct {
	g.Meta `path:"/projects/{id}/plans/list" method:"get" tags:"项目 Projects" summary:"The plans of a project (other roles: the active plans of an active project); sortBy: sort, id, price"`
	common.PageReq
	Id     int64  `json:"id"     in:"path" v:"min:1"`
	Status string `json:"status" v:"in:active,disabled" dc:"exact status (super-admin)"`
}

type PlanListRes struct {
	Items []PlanItem `json:"items"`
	Total int        `json:"total"`
}

type PlanCreateReq struct {
	g.Meta `path:"/projects/{id}/plans" method:"post" tags:"项目 Projects" summary:"Add a plan to a project"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
	PlanInput
}

type PlanCreateRes struct {
	PlanItem
}

type PlanUpdateReq struct {
	g.Meta          `path:"/projects/{id}/plans/{planId}" method:"put" tags:"项目 Projects" summary:"Change a plan; batches already generated keep the terms they were sold with. Absent fields keep their value"`
	Id              int64   `json:"id"              in:"path" v:"min:1"`
	PlanId          int64   `json:"planId"          in:"path" v:"min:1"`
	Name            *string `json:"name"            v:"length:1,64"`
	DurationSeconds *int64  `json:"durationSeconds" v:"min:0|max:3153600000"`
	Price           *int64  `json:"price"           v:"min:0|max:100000000000"`
	MaxDevices      *int    `json:"maxDevices"      v:"between:1,1000"`
	Sort            *int    `json:"sort"            v:"min:0|max:10000"`
}

type PlanUpdateRes struct {
	PlanItem
}

type PlanStatusReq struct {
	g.Meta `path:"/projects/{id}/plans/{planId}/status" method:"put" tags:"项目 Projects" summary:"Enable or disable a plan: a disabled plan takes no new batches, its cards keep working"`
	Id     int64  `json:"id"     in:"path" v:"min:1"`
	PlanId int64  `json:"planId" in:"path" v:"min:1"`
	Status string `json:"status" v:"required|in:active,disabled"`
}

type PlanStatusRes struct {
	PlanItem
}

type PlanDeleteReq struct {
	g.Meta `path:"/projects/{id}/plans/{planId}" method:"delete" tags:"项目 Projects" summary:"Delete a plan no batch was generated from (otherwise 409 PLAN_IN_USE: disable it instead); a project keeps at least one plan"`
	Id     int64 `json:"id"     in:"path" v:"min:1"`
	PlanId int64 `json:"planId" in:"path" v:"min:1"`
}

type PlanDeleteRes struct{}
