package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Applications (授权申请, seed 001 §2.2.2): an agent (or agent-admin) asks for a project with a
// reason; its parent admin (the super-admin for an agent-admin) approves, which creates the
// authorization, or rejects. Both sides are notified.

// ApplicationItem is one application. status: pending, approved or rejected.
type ApplicationItem struct {
	Id              int64   `json:"id"`
	ProjectId       int64   `json:"projectId"`
	ProjectName     string  `json:"projectName"`
	ApplicantId     int64   `json:"applicantId"`
	ApplicantName   string  `json:"applicantName"`
	ApproverId      int64   `json:"approverId"      dc:"the admin whose queue it is (the applicant's parent)"`
	Reason          string  `json:"reason"`
	Status          string  `json:"status"          dc:"pending, approved or rejected"`
	Note            string  `json:"note"            dc:"why it was rejected"`
	DecidedBy       int64   `json:"decidedBy"`
	DecidedAt       *string `json:"decidedAt"`
	AuthorizationId int64   `json:"authorizationId" dc:"the authorization an approval created"`
	CreatedAt       string  `json:"createdAt"`
}

type ApplicationCreateReq struct {
	g.Meta    `path:"/authorization-applications" method:"post" tags:"授权 Authorizations" summary:"Apply for a project (an active one the caller is not authorized for, one pending application per project); the approver is notified"`
	ProjectId int64  `json:"projectId" v:"required|min:1"`
	Reason    string `json:"reason"    v:"required|length:1,500"`
}

type ApplicationCreateRes struct {
	ApplicationItem
}

type ApplicationListReq struct {
	g.Meta `path:"/authorization-applications/list" method:"get" tags:"授权 Authorizations" summary:"Applications in the caller's scope: an agent's own, an admin's subtree (its queue: status=pending); sortBy: id, createdAt"`
	common.PageReq
	ProjectId   int64  `json:"projectId"   v:"min:0"`
	ApplicantId int64  `json:"applicantId" v:"min:0"`
	Status      string `json:"status"      v:"in:pending,approved,rejected"`
}

type ApplicationListRes struct {
	Items []ApplicationItem `json:"items"`
	Total int               `json:"total"`
}

type ApplicationApproveReq struct {
	g.Meta    `path:"/authorization-applications/{id}/approve" method:"put" tags:"授权 Authorizations" summary:"Approve a pending application: the authorization is created (with an optional end) and the applicant notified"`
	Id        int64  `json:"id"        in:"path" v:"min:1"`
	ExpiresAt string `json:"expiresAt" v:"max-length:40" dc:"RFC 3339 end of the authorization; absent: never ends"`
}

type ApplicationApproveRes struct {
	ApplicationItem
	Authorization AuthorizationItem `json:"authorization"`
}

type ApplicationRejectReq struct {
	g.Meta `path:"/authorization-applications/{id}/reject" method:"put" tags:"授权 Authorizations" summary:"Reject a pending application; the applicant is notified with the reason"`
	Id     int64  `json:"id"     in:"path" v:"min:1"`
	Reason string `json:"reason" v:"max-length:255" dc:"told to the applicant"`
}

type ApplicationRejectRes struct {
	ApplicationItem
}
