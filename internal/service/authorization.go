// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/authorization/v1"
	"kami/internal/clock"

	"github.com/gogf/gf/v2/os/gtime"
)

type (
	IAuthorization interface {
		// Apply files the caller's application for an active project (seed 001 §2.2.2) and tells the
		// approver: the caller's parent admin. One pending application per project (the unique
		// pending_key decides between racing ones).
		Apply(ctx context.Context, req *v1.ApplicationCreateReq) (*v1.ApplicationCreateRes, error)
		// Applications pages through the applications of the users in the caller's scope.
		Applications(ctx context.Context, req *v1.ApplicationListReq) (*v1.ApplicationListRes, error)
		// Approve grants what a pending application asked for, under the same rules as a grant, in
		// one transaction with the decision, and tells the applicant.
		Approve(ctx context.Context, req *v1.ApplicationApproveReq) (*v1.ApplicationApproveRes, error)
		// Reject refuses a pending application and tells the applicant why.
		Reject(ctx context.Context, req *v1.ApplicationRejectReq) (*v1.ApplicationRejectRes, error)
		// SetClock is how boot (or a test) hands the service its clock: ends, warnings and the
		// expiry job are all measured on it.
		SetClock(c clock.Clock)
		// Check answers nil when userID may generate cards of projectID now: the project exists (404
		// otherwise) and is active (409 PROJECT_DISABLED), and the user is the super-admin or holds
		// an authorization in force (403 PROJECT_NOT_AUTHORIZED). Card batches call it inside their
		// transaction.
		Check(ctx context.Context, projectID int64, userID int64) error
		// Held maps the projects among projectIDs that userID holds an authorization in force for to
		// the authorization's end (nil: never ends). The project list marks them with it.
		Held(ctx context.Context, userID int64, projectIDs []int64) (map[int64]*gtime.Time, error)
		// Expire is one run of the job: every authorization in force whose end is within the warning
		// window gets its "ends soon" notice once (warned_at, and a dedup key per end), and every one
		// whose end passed is marked expired (its active_key freed) and its holder told. Each row is
		// one transaction with its notice, claimed by a conditional UPDATE, so two nodes or a retried
		// run never tell twice. It answers how many rows it changed.
		Expire(ctx context.Context) (int, error)
		// Grant authorizes a user for a project (seed 001 §2.2.1) and notifies it.
		Grant(ctx context.Context, req *v1.AuthorizationCreateReq) (*v1.AuthorizationCreateRes, error)
		// Renew sets a new end on an authorization in force, under the same rules as a grant, and
		// tells its holder; the "ends soon" notice is due again for the new end.
		Renew(ctx context.Context, req *v1.AuthorizationUpdateReq) (*v1.AuthorizationUpdateRes, error)
		// Revoke ends an authorization in force now (kept as history) and tells its holder. Cards it
		// generated keep working unless the project refuses cards of ended authorizations.
		Revoke(ctx context.Context, req *v1.AuthorizationDeleteReq) (*v1.AuthorizationDeleteRes, error)
		// List pages through the authorizations whose holders are in the caller's scope.
		List(ctx context.Context, req *v1.AuthorizationListReq) (*v1.AuthorizationListRes, error)
	}
)

var (
	localAuthorization IAuthorization
)

func Authorization() IAuthorization {
	if localAuthorization == nil {
		panic("implement not found for interface IAuthorization, forgot register?")
	}
	return localAuthorization
}

func RegisterAuthorization(i IAuthorization) {
	localAuthorization = i
}
