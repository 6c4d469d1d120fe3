// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/derp/v1"
	"kami/internal/clock"
	"kami/internal/model"
)

type (
	IDerp interface {
		// MeRentalActivate starts a rental (§5) with a serial or a plan paid from the balance. In one
		// transaction: the guarded serial claim (unused → used, or the reserved and committed list
		// price and the distributor's commission), the rental, its order and period, and placement
		// (§9). No host is contacted: containers are rows with desired=running, converged after commit.
		MeRentalActivate(ctx context.Context, req *v1.MeRentalActivateReq) (*v1.MeRentalActivateRes, error)
		// CustomerCreate makes an enabled customer under the caller or the distributor named (§5): S
		// any distributor or 0 for the platform, AA itself or its subtree, A itself. A staff
		// distributor needs an active tier; the platform needs none.
		CustomerCreate(ctx context.Context, req *v1.CustomerCreateReq) (*v1.CustomerCreateRes, error)
		// CustomerList lists the customers whose distributor (parent) is in the caller's scope.
		CustomerList(ctx context.Context, req *v1.CustomerListReq) (*v1.CustomerListRes, error)
		// CustomerGet answers one customer in scope; outside it 404, as for none.
		CustomerGet(ctx context.Context, req *v1.CustomerGetReq) (*v1.CustomerGetRes, error)
		// SetClock hands the service its clock: every term, expiry and claim window reads it.
		SetClock(c clock.Clock)
		// DistributorSet gives an agent or agent-admin a tier. A returning distributor keeps its invite
		// code, so links its customers already hold stay valid.
		DistributorSet(ctx context.Context, req *v1.DistributorSetReq) (*v1.DistributorSetRes, error)
		// DistributorDelete stops new purchases; the row stays so the invite code is never reissued.
		DistributorDelete(ctx context.Context, req *v1.DistributorDeleteReq) (*v1.DistributorDeleteRes, error)
		// DistributorList lists the active distributors.
		DistributorList(ctx context.Context, req *v1.DistributorListReq) (*v1.DistributorListRes, error)
		// FinanceSummary answers §11's figures for one Asia/Shanghai month in the caller's scope. Every
		// figure is an integer sum straight from the rows that define it: revenue from the orders (less
		// the refund credits in the ledger), commission from the ledger's commission entries, prepaid
		// from the live accounts, so the page always agrees with the ledger and the order list.
		FinanceSummary(ctx context.Context, req *v1.FinanceSummaryReq) (*v1.FinanceSummaryRes, error)
		// FinanceDistributorList answers §11's per-distributor figures for the distributors in the
		// caller's scope (an agent: itself), removed ones included so past months still add up.
		FinanceDistributorList(ctx context.Context, req *v1.FinanceDistributorListReq) (*v1.FinanceDistributorListRes, error)
		// ExpireSerials moves unused serials whose expires_at has passed to expired, each by a guarded
		// UPDATE, so a claim racing with the job either wins or finds the serial expired (§4).
		ExpireSerials(ctx context.Context) (int, error)
		// SerialOrderCreate is a distributor buying serials at its tier's discount (§5, §11). Paid from
		// the balance, the amount is reserved and committed in the transaction that writes the order,
		// the batch and its serials, under the account lock: an insufficient balance is the ledger's
		// 409 and nothing persists. Offline orders wait in pending_review for S. The request's
		// Idempotency-Key is stored on the order, so a retry answers the first order even after the
		// shared helper's Redis record is gone.
		SerialOrderCreate(ctx context.Context, req *v1.SerialOrderCreateReq) (*v1.SerialOrderCreateRes, error)
		// OrderList lists every kind of DERP order whose distributor is in the caller's scope (§5), the
		// finance page's order list.
		OrderList(ctx context.Context, req *v1.OrderListReq) (*v1.OrderListRes, error)
		// MeOrderList lists the caller's own orders; staff get 403 DERP_NOT_CUSTOMER (§2).
		MeOrderList(ctx context.Context, req *v1.MeOrderListReq) (*v1.MeOrderListRes, error)
		// OrderRefund gives a customer back part or all of a balance order (S, §11): in one transaction,
		// under both account locks, the guarded order UPDATE (refunded += amount, never past the amount;
		// status refunded), the customer's credit, and the distributor's debit of
		// floor(amount·commissionBps/10000). When the distributor cannot cover that debit the ledger's
		// 409 rolls everything back. The rental is left as it is: suspending it is a separate decision.
		OrderRefund(ctx context.Context, req *v1.OrderRefundReq) (*v1.OrderRefundRes, error)
		// SerialOrderList lists the serial orders whose distributor is in the caller's scope.
		SerialOrderList(ctx context.Context, req *v1.SerialOrderListReq) (*v1.SerialOrderListRes, error)
		// SerialOrderApprove records an offline order's receipt (S) and issues its serials in the same
		// transaction as the guarded transition, so two concurrent approves issue one batch.
		SerialOrderApprove(ctx context.Context, req *v1.SerialOrderApproveReq) (*v1.SerialOrderApproveRes, error)
		// SerialOrderReject refuses a pending offline order (S).
		SerialOrderReject(ctx context.Context, req *v1.SerialOrderRejectReq) (*v1.SerialOrderRejectRes, error)
		// SerialOrderCancel is the buyer withdrawing its pending order; anyone else's order is 404.
		SerialOrderCancel(ctx context.Context, req *v1.SerialOrderCancelReq) (*v1.SerialOrderCancelRes, error)
		// ExpireOrders cancels offline orders still pending 72 h after they were placed (§4).
		ExpireOrders(ctx context.Context) (int, error)
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
		// Register is a customer's self-registration (§5): a pending member under the distributor whose
		// customer invite code was given (any case), or the platform; the user service mails the
		// foundation's verification link, or an "already registered" notice to an existing owner.
		Register(ctx context.Context, req *v1.RegisterReq) (*v1.RegisterRes, error)
		// Resend mails a new verification link to a pending account of that email, if any; the answer
		// is the same in every case.
		Resend(ctx context.Context, req *v1.ResendReq) (*v1.ResendRes, error)
		// RentalExtend sets a rental's expiry to exactly req.ExpiresAt (§5): later than now, and later
		// than the current expiry unless allowShorten. It writes an admin_extend order (amount 0) and a
		// period and reactivates an expired or suspended rental.
		RentalExtend(ctx context.Context, req *v1.RentalExtendReq) (*v1.RentalExtendRes, error)
		// RentalSuspend moves an active rental to suspended with the reason; its containers stop.
		RentalSuspend(ctx context.Context, req *v1.RentalSuspendReq) (*v1.RentalSuspendRes, error)
		// RentalResume moves a suspended rental back to active; its containers run again. A rental past
		// its expiry is not resumed (it needs a renewal or an extend).
		RentalResume(ctx context.Context, req *v1.RentalResumeReq) (*v1.RentalResumeRes, error)
		// ExpireRentals moves active and suspended rentals whose expires_at has passed to expired and
		// stops their containers (§10), one short transaction per row guarded on the state it read, so
		// a renewal racing with the job either lands first (the row no longer matches) or renews the
		// expired rental afterwards.
		ExpireRentals(ctx context.Context) (int, error)
		// MeRentalList lists the caller's rentals, deregistered ones too (the history).
		MeRentalList(ctx context.Context, req *v1.MeRentalListReq) (*v1.MeRentalListRes, error)
		// MeRentalGet answers one of the caller's rentals; another customer's id is 404.
		MeRentalGet(ctx context.Context, req *v1.MeRentalGetReq) (*v1.MeRentalGetRes, error)
		// MeRentalRenew renews one of the caller's rentals (§5) with a serial or a plan paid from the
		// balance: expiresAt = max(expiresAt, now) + days·24h and quota += plan.trafficBytes, in one
		// transaction with the order, the period, the serial claim or the ledger moves, and the
		// containers' desired state. A traffic suspension is lifted; an admin or anomaly one is kept
		// (only staff lift those). Deregistering or deregistered → 409 DERP_INVALID_STATE.
		MeRentalRenew(ctx context.Context, req *v1.MeRentalRenewReq) (*v1.MeRentalRenewRes, error)
		// RentalList lists the rentals whose distributor is in the caller's scope (§2).
		RentalList(ctx context.Context, req *v1.RentalListReq) (*v1.RentalListRes, error)
		// RentalGet answers one rental in scope (404 outside it) with its periods and containers.
		RentalGet(ctx context.Context, req *v1.RentalGetReq) (*v1.RentalGetRes, error)
		// SerialBatchList lists the batches: S all, a distributor those issued to it.
		SerialBatchList(ctx context.Context, req *v1.SerialBatchListReq) (*v1.SerialBatchListRes, error)
		// SerialBatchExport writes every code of a batch (S or its owner) to a CSV or XLSX file through
		// the shared export helper (excelize's StreamWriter for xlsx), complete before a byte is sent,
		// and writes the operation-log row: an export hands out bearer secrets, and reads are otherwise
		// not logged.
		SerialBatchExport(ctx context.Context, req *v1.SerialBatchExportReq) (*model.Download, error)
		// SerialList lists the serials whose distributor is in the caller's scope (S: all, the
		// platform's too), never a code.
		SerialList(ctx context.Context, req *v1.SerialListReq) (*v1.SerialListRes, error)
		// SerialGet answers one serial in scope with its rental; the containers and their servers only
		// for S, because agents never see servers (§2).
		SerialGet(ctx context.Context, req *v1.SerialGetReq) (*v1.SerialGetRes, error)
		// SerialVoid voids an unused serial (S): a guarded unused → void; anything else is 409.
		SerialVoid(ctx context.Context, req *v1.SerialVoidReq) (*v1.SerialVoidRes, error)
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
