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
		// MeAclDownload answers the caller's derpMap as a file (§6): the stored canonical JSON, or the
		// Headscale YAML rendered from the same placement, with the version, validity and digest
		// headers. A lapsed version is regenerated first. Every attempt, refused ones too, writes a
		// derp_acl_downloads row under the requested rental id and the caller.
		MeAclDownload(ctx context.Context, req *v1.MeAclDownloadReq) (*model.Download, error)
		// RegenerateLapsedAcls is derp.acl_regen (§6, §10): every active rental whose current derpMap
		// is past valid_until gets a new version (trigger auto_32d) from its live containers, one short
		// transaction per rental. The version number moves by a guarded UPDATE, so a run racing another
		// (or a customer's regenerate) loses cleanly and the rental gets one new version.
		RegenerateLapsedAcls(ctx context.Context) (int, error)
		// AclGenerationList is the generation log of the rentals in the caller's scope (§2), never
		// the bodies.
		AclGenerationList(ctx context.Context, req *v1.AclGenerationListReq) (*v1.AclGenerationListRes, error)
		// AclDownloadList lists the download attempts of the rentals in scope, by the rental's
		// distributor as recorded with the attempt.
		AclDownloadList(ctx context.Context, req *v1.AclDownloadListReq) (*v1.AclDownloadListRes, error)
		// RentalAclRegenerate writes a new version for a rental in scope (S, AA), recording the admin,
		// its IP and geo on the version; the rental must be serving.
		RentalAclRegenerate(ctx context.Context, req *v1.RentalAclRegenerateReq) (*v1.RentalAclRegenerateRes, error)
		// MeAclVersions lists the rental's derpMap versions, newest first.
		MeAclVersions(ctx context.Context, req *v1.MeAclVersionsReq) (*v1.MeAclVersionsRes, error)
		// MeAclRegenerate writes a new version of a serving rental, at most 3 per rolling day per
		// rental (429 RATE_LIMITED with Retry-After beyond).
		MeAclRegenerate(ctx context.Context, req *v1.MeAclRegenerateReq) (*v1.MeAclRegenerateRes, error)
		// MeRentalUpdate changes the rental's options; a changed omitDefaultRegions is a new derpMap
		// version in the same transaction (an unchanged one writes nothing).
		MeRentalUpdate(ctx context.Context, req *v1.MeRentalUpdateReq) (*v1.MeRentalUpdateRes, error)
		// MeRentalActivate starts a rental (§5) with a serial or a plan paid from the balance. In one
		// transaction: the guarded serial claim (unused → used, or the reserved and committed list
		// price and the distributor's commission), the rental, its order and period, and placement
		// (§9). No host is contacted: containers are rows with desired=running, converged after commit.
		MeRentalActivate(ctx context.Context, req *v1.MeRentalActivateReq) (*v1.MeRentalActivateRes, error)
		// Admit decides derper's -verify-client-url call for token with the raw body: the HTTP status
		// and, for 200, the Allow value. It answers from this node's snapshot, so a warm call issues
		// no SQL and no Redis command; a miss loads the rental once (503 when the database is down).
		// It fails closed: anything unexpected is Allow:false or a non-200, which derper rejects.
		Admit(ctx context.Context, token string, body []byte) (status int, allow bool)
		// StartAdmission runs this node's admission background work until ctx ends: the subscriber
		// that drops invalidated rentals and the batcher that records unknown keys as pending.
		StartAdmission(ctx context.Context)
		// MeRentalAutoRenew turns the caller's rental's auto-renewal on or off.
		MeRentalAutoRenew(ctx context.Context, req *v1.MeRentalAutoRenewReq) (*v1.MeRentalAutoRenewRes, error)
		// AutoRenewRentals is derp.auto_renew: every active rental that opted in and expires within a
		// day is renewed by one term of its plan, paid from the customer's balance exactly like a
		// renewal the customer makes (ledger, commission, period, ACL version). The order's
		// idempotency key auto_renew:<rid>:<expires_at> makes it once per expiry however runs overlap;
		// a short balance or a disabled plan leaves the rental as it is (the reminders still go out).
		AutoRenewRentals(ctx context.Context) (int, error)
		// CustomerCreate makes an enabled customer under the caller or the distributor named (§5): S
		// any distributor or 0 for the platform, AA itself or its subtree, A itself. A staff
		// distributor needs an active tier; the platform needs none.
		CustomerCreate(ctx context.Context, req *v1.CustomerCreateReq) (*v1.CustomerCreateRes, error)
		// CustomerList lists the customers whose distributor (parent) is in the caller's scope.
		CustomerList(ctx context.Context, req *v1.CustomerListReq) (*v1.CustomerListRes, error)
		// CustomerGet answers one customer in scope; outside it 404, as for none.
		CustomerGet(ctx context.Context, req *v1.CustomerGetReq) (*v1.CustomerGetRes, error)
		// RentalDeregister is S deregistering a rental now (§5): from active, suspended or expired, with
		// no grace period, but only when the account is settled unless force (409
		// DERP_SETTLEMENT_PENDING). The containers are removed by the host worker after the commit; a
		// rental with none left finishes at once.
		RentalDeregister(ctx context.Context, req *v1.RentalDeregisterReq) (*v1.RentalDeregisterRes, error)
		// RentalHistoryList lists the deregistration snapshots whose distributor is in scope.
		RentalHistoryList(ctx context.Context, req *v1.RentalHistoryListReq) (*v1.RentalHistoryListRes, error)
		// DeregisterRentals is derp.deregister (§4, §10). Expired rentals 30 days past expiry whose
		// account is settled start deregistering (containers desired=removed, the host worker removes
		// them); unsettled ones are held with the reason and nothing is touched. Deregistering rentals
		// whose containers are all gone finish: ports quarantined, ACL revoked, history written, the
		// customer told. The account itself is never touched. Both passes read what they need per page
		// and write a chunk of rows per transaction (inChunks).
		DeregisterRentals(ctx context.Context) (int, error)
		// SetClock hands the service its clock: every term, expiry and claim window reads it.
		SetClock(c clock.Clock)
		// MeDeviceList lists the rental's devices, pending (seen) ones included.
		MeDeviceList(ctx context.Context, req *v1.MeDeviceListReq) (*v1.MeDeviceListRes, error)
		// MeDeviceCreate approves a node key by hand: 409 DUPLICATE for a key the rental already has,
		// 409 DERP_DEVICE_LIMIT when maxDevices keys are approved.
		MeDeviceCreate(ctx context.Context, req *v1.MeDeviceCreateReq) (*v1.MeDeviceCreateRes, error)
		// MeDeviceUpdate approves or blocks a device (approving counts against maxDevices) and renames it.
		MeDeviceUpdate(ctx context.Context, req *v1.MeDeviceUpdateReq) (*v1.MeDeviceUpdateRes, error)
		// MeDeviceDelete forgets a device; a key that connects again shows up as pending.
		MeDeviceDelete(ctx context.Context, req *v1.MeDeviceDeleteReq) (*v1.MeDeviceDeleteRes, error)
		// MeDeviceLearn opens the learn window for req.Minutes: unknown keys that connect meanwhile are
		// approved (source learned) until maxDevices are approved (§7 (4)).
		MeDeviceLearn(ctx context.Context, req *v1.MeDeviceLearnReq) (*v1.MeDeviceLearnRes, error)
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
		// StartHostWorker starts this node's host-op worker loop (§10: on every node) unless
		// KAMI_DERP_HOST_WORKER=false. It returns at once; StopHostWorker ends it.
		StartHostWorker(ctx context.Context) error
		// StopHostWorker ends the worker loop, waits for the ops it is running, and closes the SSH
		// pool. An op cut short keeps its lease, which lapses, and another node takes it over.
		StopHostWorker()
		// ExpireSerials moves unused serials whose expires_at has passed to expired, each by a guarded
		// UPDATE, so a claim racing with the job either wins or finds the serial expired (§4).
		ExpireSerials(ctx context.Context) (int, error)
		// ReconcileServers queues a reconcile op for each ready server not removed (§8); one already
		// waiting is not doubled.
		ReconcileServers(ctx context.Context) (int, error)
		// ResetMonths is derp.month_reset (§9): each server whose billing month turned starts it.
		ResetMonths(ctx context.Context) (int, error)
		// ContainerRestart recreates a container on the same port: its token_gen moves up (the spec
		// label differs, so converge runs rm -f + run with a fresh admission token) and a converge is
		// queued, in one transaction; the host is touched after the commit (§13).
		ContainerRestart(ctx context.Context, req *v1.ContainerRestartReq) (*v1.ContainerRestartRes, error)
		// HostOpRetry puts a dead op back in the queue, due now with its attempts reset; a container
		// the op failed goes back to pending so derp.placement leaves it alone while it is retried.
		HostOpRetry(ctx context.Context, req *v1.HostOpRetryReq) (*v1.HostOpRetryRes, error)
		// AlertAck acknowledges an open alert (open → acked, guarded).
		AlertAck(ctx context.Context, req *v1.AlertAckReq) (*v1.AlertAckRes, error)
		// ServerRegions sums servers, containers, customers and load per region (§5), S only.
		ServerRegions(ctx context.Context, _ *v1.ServerRegionsReq) (*v1.ServerRegionsRes, error)
		// ServerProbes answers a host's probe rows (raw) or its hourly aggregate.
		ServerProbes(ctx context.Context, req *v1.ServerProbesReq) (*v1.ServerProbesRes, error)
		// ServerContainers lists a host's containers.
		ServerContainers(ctx context.Context, req *v1.ServerContainersReq) (*v1.ServerContainersRes, error)
		// ContainerTraffic is one container's series (S).
		ContainerTraffic(ctx context.Context, req *v1.ContainerTrafficReq) (*v1.ContainerTrafficRes, error)
		// MeRentalTraffic is the caller's rental series over all its containers (§5); another
		// customer's rental is 404.
		MeRentalTraffic(ctx context.Context, req *v1.MeRentalTrafficReq) (*v1.MeRentalTrafficRes, error)
		// HostOpList lists host ops, newest first.
		HostOpList(ctx context.Context, req *v1.HostOpListReq) (*v1.HostOpListRes, error)
		// AlertList lists alerts, newest first.
		AlertList(ctx context.Context, req *v1.AlertListReq) (*v1.AlertListRes, error)
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
		// RunProbes is derp.probe (§9): per running container an HTTPS pin check and a STUN binding
		// on its port, per server docker version over SSH; network first, then one transaction per
		// server for the raw rows, the hourly aggregate, the streaks and the health.
		RunProbes(ctx context.Context) (int, error)
		// PruneRows is derp.prune: raw probes older than 14 days, traffic samples older than 7 days and
		// pending (never approved) devices untouched for 30 days, deleted in bounded batches by key, so
		// no statement holds a long lock and it works the same on every dialect (no DELETE … LIMIT).
		PruneRows(ctx context.Context) (int, error)
		// Register is a customer's self-registration (§5): a pending member under the distributor whose
		// customer invite code was given (any case), or the platform; the user service mails the
		// foundation's verification link, or an "already registered" notice to an existing owner.
		Register(ctx context.Context, req *v1.RegisterReq) (*v1.RegisterRes, error)
		// Resend mails a new verification link to a pending account of that email, if any; the answer
		// is the same in every case.
		Resend(ctx context.Context, req *v1.ResendReq) (*v1.ResendRes, error)
		// RemindRentals sends the due 7/3/1-day reminders of active rentals (§10). The dedup key
		// remind:<rid>:<N>:<expires_at> makes every step once per expiry however many runs overlap, and
		// a renewal (a new expiry) starts the steps afresh.
		RemindRentals(ctx context.Context) (int, error)
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
		// stops their containers (§10). Each row's update is guarded on the state the page read and on
		// being past due, so a renewal racing with the job either lands first (the row no longer
		// matches and is skipped) or renews the expired rental afterwards; the rows share a
		// transaction per chunk (inChunks).
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
		// RunPlacement is derp.placement (§10): it replaces failed containers, those on removing
		// servers and those down ≥ 60 min by a new one with the same haIndex on another eligible
		// server, fills degraded rentals up to 3, and retires removing servers left with nothing.
		// One short transaction per container or rental; each writes a new ACL version.
		RunPlacement(ctx context.Context) (int, error)
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
		// RunTraffic is derp.traffic (§9): one readout exec per server, then one short transaction per
		// container. The sample's primary key (container, 5-min bucket) is inserted first and totals
		// move only when it took effect, so a second run in the same bucket counts nothing twice; its
		// counters stay unread and the next bucket's delta carries them.
		RunTraffic(ctx context.Context) (int, error)
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
