// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/derp/v1"
	"kami/internal/clock"
)

type (
	IDerp interface {
		// SetClock hands the service its clock: every term, expiry and claim window reads it.
		SetClock(c clock.Clock)
		// DistributorSet gives an agent or agent-admin a tier. A returning distributor keeps its invite
		// code, so links its customers already hold stay valid.
		DistributorSet(ctx context.Context, req *v1.DistributorSetReq) (*v1.DistributorSetRes, error)
		// DistributorDelete stops new purchases; the row stays so the invite code is never reissued.
		DistributorDelete(ctx context.Context, req *v1.DistributorDeleteReq) (*v1.DistributorDeleteRes, error)
		// DistributorList lists the active distributors.
		DistributorList(ctx context.Context, req *v1.DistributorListReq) (*v1.DistributorListRes, error)
		// PublicPayment shows the offline payment accounts buyers transfer to before S approves.
		PublicPayment(ctx context.Context, _ *v1.PublicPaymentReq) (*v1.PublicPaymentRes, error)
		// PlanList lists every plan for staff.
		PlanList(ctx context.Context, _ *v1.PlanListReq) (*v1.PlanListRes, error)
		// PublicPlans lists the enabled plans for the public pages.
		PublicPlans(ctx context.Context, _ *v1.PublicPlansReq) (*v1.PublicPlansRes, error)
		// PlanCreate adds a plan; it is disabled unless the body says otherwise, like the seeded ones.
		PlanCreate(ctx context.Context, req *v1.PlanCreateReq) (*v1.PlanCreateRes, error)
		// PlanUpdate edits the given fields; terms already sold keep their own days and quota.
		PlanUpdate(ctx context.Context, req *v1.PlanUpdateReq) (*v1.PlanUpdateRes, error)
		// PlanDelete removes a plan no serial, order or rental refers to; a sold plan is disabled instead.
		PlanDelete(ctx context.Context, req *v1.PlanDeleteReq) (*v1.PlanDeleteRes, error)
		// SerialBatchCreate issues count serials of a plan (S). The codes leave the server only in this
		// answer and the export: the rows hold a lookup hash and the sealed code.
		SerialBatchCreate(ctx context.Context, req *v1.SerialBatchCreateReq) (*v1.SerialBatchCreateRes, error)
		// ServerCreate registers a host: the cert is minted and its prepare queued in one transaction;
		// the host itself is never contacted here (§4), so a host that is down still registers.
		ServerCreate(ctx context.Context, req *v1.ServerCreateReq) (*v1.ServerCreateRes, error)
		// ServerGet is one host.
		ServerGet(ctx context.Context, req *v1.ServerGetReq) (*v1.ServerGetRes, error)
		// ServerList lists hosts; removed ones appear only when asked for by state.
		ServerList(ctx context.Context, req *v1.ServerListReq) (*v1.ServerListRes, error)
		// ServerDrain stops new placements on a host; its containers keep serving.
		ServerDrain(ctx context.Context, req *v1.ServerDrainReq) (*v1.ServerDrainRes, error)
		// ServerUndrain lets a drained host take placements again.
		ServerUndrain(ctx context.Context, req *v1.ServerUndrainReq) (*v1.ServerUndrainRes, error)
		// ServerDelete retires a host (soft). With live containers it becomes removing, and
		// derp.placement moves its rentals off it before their containers are removed; a host without
		// any, or force, is removed at once (force abandons its containers on the spot, for a host that
		// is gone for good).
		ServerDelete(ctx context.Context, req *v1.ServerDeleteReq) (*v1.ServerDeleteRes, error)
		// ServerConfirmHostKey confirms the key learned on first use, or (after a mismatch: a
		// reinstalled host) accepts the new key S read from the console, and queues a prepare.
		ServerConfirmHostKey(ctx context.Context, req *v1.ServerConfirmHostKeyReq) (*v1.ServerConfirmHostKeyRes, error)
		// ServerPrepare queues the host's prepare; the host-op worker runs it after commit (§13).
		ServerPrepare(ctx context.Context, req *v1.ServerPrepareReq) (*v1.ServerPrepareRes, error)
		// ServerReconcile queues a reconcile of the host now (derp.reconcile does it every 30 min);
		// a reconcile already waiting is returned instead of a second one.
		ServerReconcile(ctx context.Context, req *v1.ServerReconcileReq) (*v1.ServerReconcileRes, error)
		// ServerUpdate edits a host that is not being retired. A new public address mints a new cert
		// (its pin changes, so the host is prepared again); a new SSH endpoint forgets the learned host
		// key unless one is given; any change that affects the host queues a prepare.
		ServerUpdate(ctx context.Context, req *v1.ServerUpdateReq) (*v1.ServerUpdateRes, error)
		// TierList lists the three tiers, cheapest first.
		TierList(ctx context.Context, _ *v1.TierListReq) (*v1.TierListRes, error)
		// TierUpdate edits a tier; orders snapshot the bps they used, so history does not move.
		TierUpdate(ctx context.Context, req *v1.TierUpdateReq) (*v1.TierUpdateRes, error)
	}
)

var (
	localDerp IDerp
)

func Derp() IDerp {
	if localDerp == nil {
		panic("implement not found for interface IDerp, forgot register?")
	}
	return localDerp
}

func RegisterDerp(i IDerp) {
	localDerp = i
}
