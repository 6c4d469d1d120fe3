// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/project/v1"
	"kami/internal/clock"
	"kami/internal/model"
	"kami/internal/model/entity"
)

type (
	IProject interface {
		// Create stores a project with its plans, credentials and first signing key in one
		// transaction, and answers the secrets this once: only their sealed copies are kept.
		Create(ctx context.Context, req *v1.ProjectCreateReq) (*v1.ProjectCreateRes, error)
		// Find is a project row for other modules (authorizations, batches), or 404. Its sealed
		// columns stay sealed: Credentials is the one way to open them.
		Find(ctx context.Context, id int64) (*entity.Projects, error)
		// Credentials opens what the OpenAPI checks a request of appKey with and signs its answer
		// with: the secrets valid now (the previous one only inside its grace), the webhook secret and
		// the active signing key. 404 for an unknown appKey; a disabled project is answered with its
		// status, the caller decides.
		Credentials(ctx context.Context, appKey string) (*model.ProjectCredentials, error)
		// Snapshot is what the OpenAPI caches of the project of appKey, secrets sealed; 404 for an
		// unknown appKey.
		Snapshot(ctx context.Context, appKey string) (*model.ProjectSnapshot, error)
		// OpenSnapshot opens a snapshot's sealed secrets.
		OpenSnapshot(snap *model.ProjectSnapshot) (*model.OpenedProject, error)
		// PublicKeys are the response-signing keys published for appKey, newest first; 404 for an
		// unknown appKey.
		PublicKeys(ctx context.Context, appKey string) ([]model.ProjectPublicKey, error)
		// Names maps project ids to their names, for other modules' lists.
		Names(ctx context.Context, ids []int64) (map[int64]string, error)
		// List pages through the projects the caller may read.
		List(ctx context.Context, req *v1.ProjectListReq) (*v1.ProjectListRes, error)
		// Get answers one project with its plans, and its published signing keys for the super-admin.
		Get(ctx context.Context, req *v1.ProjectGetReq) (*v1.ProjectGetRes, error)
		// Plan is a plan of a project for other modules (a batch is generated from it), or 404 when
		// the plan does not exist or belongs to another project.
		Plan(ctx context.Context, projectID int64, planID int64) (*entity.ProjectPlans, error)
		// Plans pages through a project's plans (the active ones of an active project for roles that
		// only buy), in display order unless asked otherwise.
		Plans(ctx context.Context, req *v1.PlanListReq) (*v1.PlanListRes, error)
		// CreatePlan adds a plan to a project.
		CreatePlan(ctx context.Context, req *v1.PlanCreateReq) (*v1.PlanCreateRes, error)
		// UpdatePlan changes a plan's terms for the batches generated from now on.
		UpdatePlan(ctx context.Context, req *v1.PlanUpdateReq) (*v1.PlanUpdateRes, error)
		// SetPlanStatus enables or disables a plan.
		SetPlanStatus(ctx context.Context, req *v1.PlanStatusReq) (*v1.PlanStatusRes, error)
		// DeletePlan removes a plan no batch was generated from; one a batch names is kept (its cards
		// point at it) and can only be disabled. A project keeps at least one plan.
		DeletePlan(ctx context.Context, req *v1.PlanDeleteReq) (*v1.PlanDeleteRes, error)
		// SetClock is how boot (or a test) hands the service its clock; rotation grace periods are
		// counted on it.
		SetClock(c clock.Clock)
		// RotateSecret issues a new appSecret. The current one stays valid for the grace period
		// (projects.secretGrace) as the previous secret; a previous secret still in its grace is
		// dropped, so at most two verify at any time.
		RotateSecret(ctx context.Context, req *v1.SecretRotateReq) (*v1.SecretRotateRes, error)
		// RotateSigningKey makes a new key the active one. The key it replaces turns retiring and
		// stays published until the grace (projects.signingKeyGrace) passes, so a client holding the
		// old public key still checks responses signed just before; keys retiring from an earlier
		// rotation are retired now (at most two published).
		RotateSigningKey(ctx context.Context, req *v1.SigningKeyRotateReq) (*v1.SigningKeyRotateRes, error)
		// Update changes a project's details, callback and settings; absent fields keep their value.
		Update(ctx context.Context, req *v1.ProjectUpdateReq) (*v1.ProjectUpdateRes, error)
		// SetStatus enables or disables a project.
		SetStatus(ctx context.Context, req *v1.ProjectStatusReq) (*v1.ProjectStatusRes, error)
	}
)

var (
	localProject IProject
)

func Project() IProject {
	if localProject == nil {
		panic("implement not found for interface IProject, forgot register?")
	}
	return localProject
}

func RegisterProject(i IProject) {
	localProject = i
}
