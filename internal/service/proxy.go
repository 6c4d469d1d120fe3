// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/proxy/v1"
	"kami/internal/clock"
)

type (
	IProxy interface {
		// GetOrder is GET /api/proxy/orders/{id}.
		GetOrder(ctx context.Context, req *v1.OrderGetReq) (*v1.OrderGetRes, error)
		// RefreshOrder is POST /api/proxy/orders/{id}/refresh: order/v2 now, then apply.
		RefreshOrder(ctx context.Context, req *v1.OrderRefreshReq) (*v1.OrderRefreshRes, error)
		// CreateStaticAssignOrder is POST /api/proxy/orders/static-assign: one instance on the IP the
		// caller chose, price × cycles, the same steps as a static order (§3).
		CreateStaticAssignOrder(ctx context.Context, req *v1.StaticAssignOrderReq) (*v1.StaticAssignOrderRes, error)
		// AssignIP is GET /api/proxy/assign-ip: asks the upstream whether the IP can be bought now.
		AssignIP(ctx context.Context, req *v1.AssignIPReq) (*v1.AssignIPRes, error)
		// AutoRenew runs auto_renew once. Each due instance is first claimed for its expiry with a
		// guarded UPDATE (renewed_for := expires_at while it differs), so one expiry is renewed once
		// even when runs overlap; the renew is then placed as the owner (it pays, as if it had asked).
		// Without quota the claim is given back (a top-up before expiry still renews) and the owner
		// gets one notice for that expiry; any other refusal gives the claim back too.
		AutoRenew(ctx context.Context) (int, error)
		// CallbackGet and CallbackPost are the public callback routes.
		CallbackGet(ctx context.Context, req *v1.CallbackGetReq) (*v1.CallbackGetRes, error)
		CallbackPost(ctx context.Context, req *v1.CallbackPostReq) (*v1.CallbackPostRes, error)
		// RetryCallbacks runs callback_retry once.
		RetryCallbacks(ctx context.Context) (int, error)
		// CheckConsistency runs proxy.consistency once: never an automatic debit, only applies,
		// give-backs, the missing ledger step, re-pushes and findings. The rules run in this order so
		// the later ones see what the earlier ones repaired (an applied order has its instances).
		CheckConsistency(ctx context.Context) (int, error)
		// Discrepancies is GET /api/proxy/discrepancies/list.
		Discrepancies(ctx context.Context, req *v1.DiscrepancyListReq) (*v1.DiscrepancyListRes, error)
		// ResolveDiscrepancy is POST /api/proxy/discrepancies/{id}/resolve. Only needs_decision rows
		// can be decided, with a guarded UPDATE; charge debits the agent in the same transaction under
		// the ref proxy_discrepancy:{id} (a finding without an agent and amount cannot be charged).
		ResolveDiscrepancy(ctx context.Context, req *v1.DiscrepancyResolveReq) (*v1.DiscrepancyResolveRes, error)
		// DrawAPI is POST /api/proxy/draw/api on the caller's main account.
		DrawAPI(ctx context.Context, req *v1.DrawAPIReq) (*v1.DrawAPIRes, error)
		// DrawPwd is POST /api/proxy/draw/pwd for one of the caller's own proxy users.
		DrawPwd(ctx context.Context, req *v1.DrawPwdReq) (*v1.DrawPwdRes, error)
		// CreateDynamicOrder is POST /api/proxy/orders/dynamic: flow is bought on the caller's main
		// account (flow = GB × base MB); with a user, that user's limit grows at success (§3 Apply).
		CreateDynamicOrder(ctx context.Context, req *v1.DynamicOrderReq) (*v1.DynamicOrderRes, error)
		// RenewInstances is POST /api/proxy/instances/renew: Σ effective price × cycles, reserved
		// with the instances claimed in one transaction, then sent with renew:false (Kami charges).
		RenewInstances(ctx context.Context, req *v1.InstanceRenewReq) (*v1.InstanceRenewRes, error)
		// ReleaseInstances is POST /api/proxy/instances/release: free; the instances are held until
		// the order ends.
		ReleaseInstances(ctx context.Context, req *v1.InstanceReleaseReq) (*v1.InstanceReleaseRes, error)
		// Instances is GET /api/proxy/instances/list.
		Instances(ctx context.Context, req *v1.InstanceListReq) (*v1.InstanceListRes, error)
		// GetInstance is GET /api/proxy/instances/{instanceNo}.
		GetInstance(ctx context.Context, req *v1.InstanceGetReq) (*v1.InstanceGetRes, error)
		// UpdateInstance is PUT /api/proxy/instances/{instanceNo}: local fields only, version-guarded.
		// A proxy user given must belong to the instance's owner.
		UpdateInstance(ctx context.Context, req *v1.InstanceUpdateReq) (*v1.InstanceUpdateRes, error)
		// SyncInstances runs instance_sync once: every page of instance/list/v2; a known instance
		// whose status, expiry or endpoint differs is updated (only then: an unchanged run writes
		// nothing); instances unknown here are counted and left to proxy.consistency.
		SyncInstances(ctx context.Context) (int, error)
		// UserLimits is GET /api/proxy/users/{id}/limits.
		UserLimits(ctx context.Context, req *v1.UserLimitsGetReq) (*v1.UserLimitsGetRes, error)
		// PutUserLimit is PUT /api/proxy/users/{id}/limits: stored first (so proxy.limit_push owns
		// the retry), then pushed at once; an upstream failure is reported in the row, not as an error.
		PutUserLimit(ctx context.Context, req *v1.UserLimitsPutReq) (*v1.UserLimitsPutRes, error)
		// PushLimits runs proxy.limit_push once: every limit not yet pushed, oldest first.
		PushLimits(ctx context.Context) (int, error)
		// SyncLogs is GET /api/proxy/sync-logs/list (the route is the super-admin's only).
		SyncLogs(ctx context.Context, req *v1.SyncLogListReq) (*v1.SyncLogListRes, error)
		// CallbackLogs is GET /api/proxy/callback-logs/list.
		CallbackLogs(ctx context.Context, req *v1.CallbackLogListReq) (*v1.CallbackLogListRes, error)
		// CallLogs is GET /api/proxy/call-logs/list.
		CallLogs(ctx context.Context, req *v1.CallLogListReq) (*v1.CallLogListRes, error)
		// CreateStaticOrder is POST /api/proxy/orders/static (§3 steps 1-4).
		CreateStaticOrder(ctx context.Context, req *v1.StaticOrderReq) (*v1.StaticOrderRes, error)
		// Orders is GET /api/proxy/orders/list: the caller's scope (S all, A its subtree, G its own),
		// filtered; the S-only fields are left out below the super-admin by renderOrder.
		Orders(ctx context.Context, req *v1.OrderListReq) (*v1.OrderListRes, error)
		// Prices is GET /api/proxy/prices/list: S all overrides, A those of itself and its subtree.
		Prices(ctx context.Context, req *v1.PriceListReq) (*v1.PriceListRes, error)
		// PutPrice is PUT /api/proxy/prices: insert or (version-guarded) update an agent's override,
		// with a price-history row in the same transaction.
		PutPrice(ctx context.Context, req *v1.PricePutReq) (*v1.PricePutRes, error)
		// DeletePrice is DELETE /api/proxy/prices/{id}: only an override the caller may set (an
		// agent-admin cannot drop the one the super-admin gave itself); others are 404.
		DeletePrice(ctx context.Context, req *v1.PriceDeleteReq) (*v1.PriceDeleteRes, error)
		// GetProduct is GET /api/proxy/products/{productNo}, with the caller's effective price.
		GetProduct(ctx context.Context, req *v1.ProductGetReq) (*v1.ProductGetRes, error)
		// ProductAreas is GET /api/proxy/products/{productNo}/areas (404 for an unknown product).
		ProductAreas(ctx context.Context, req *v1.ProductAreasReq) (*v1.ProductAreasRes, error)
		// UpdateProduct is PUT /api/proxy/products/{productNo} (super-admin). The row's version guards
		// the write, so an edit racing the sync's margin guard is 409 CONFLICT instead of undoing it.
		UpdateProduct(ctx context.Context, req *v1.ProductUpdateReq) (*v1.ProductUpdateRes, error)
		// Products is GET /api/proxy/products/list.
		Products(ctx context.Context, req *v1.ProductListReq) (*v1.ProductListRes, error)
		// SyncProducts runs product_sync once: an unchanged upstream writes no product or area row
		// (compared by the hash of the raw upstream row), so a run costs reads only.
		SyncProducts(ctx context.Context) (int, error)
		// SetClock hands the service its clock (sync times, order ages, the breaker's cooldown).
		SetClock(c clock.Clock)
		// Purge runs proxy.purge once and answers how many rows it deleted.
		Purge(ctx context.Context) (int, error)
		// ReconcileOrders runs order_reconcile once over the orders whose next check is due.
		ReconcileOrders(ctx context.Context) (int, error)
		// SyncRegions runs region_sync once: the tree is flattened to (code, parent); a row whose raw
		// hash is unchanged is not written. Regions that vanish upstream are kept (products may still
		// name them).
		SyncRegions(ctx context.Context) (int, error)
		// Regions is GET /api/proxy/regions?parentCode=.
		Regions(ctx context.Context, req *v1.RegionListReq) (*v1.RegionListRes, error)
		// RemindRenewals runs renew_remind once: every live instance expiring within 7 days without
		// auto-renew gets one notice per step; the DedupKey (instance, expiry, step) makes a re-run, or
		// a run on a later day in the same step, send nothing more, and a renewed instance (new
		// expiry) is reminded again as its new expiry approaches.
		RemindRenewals(ctx context.Context) (int, error)
		// CreateReturn is POST /api/proxy/returns (super-admin): the upstream takes the flow back first
		// (proxy/return/v2, never retried); only once it answered is the agent credited, so an upstream
		// failure credits nothing. The credit is the given amount or returnAmount × salePrice / costPrice
		// (floor), capped by what the agent paid for the product in 90 days less what returns already
		// credited in that window.
		CreateReturn(ctx context.Context, req *v1.ReturnCreateReq) (*v1.ReturnCreateRes, error)
		// GetSettings is GET /api/proxy/settings.
		GetSettings(ctx context.Context, _ *v1.SettingsGetReq) (*v1.SettingsGetRes, error)
		// UpdateSettings is PUT /api/proxy/settings: the present fields, all or nothing.
		UpdateSettings(ctx context.Context, req *v1.SettingsUpdateReq) (*v1.SettingsUpdateRes, error)
		// RotateCallbackToken is POST /api/proxy/settings/callback-token.
		RotateCallbackToken(ctx context.Context, _ *v1.CallbackTokenReq) (*v1.CallbackTokenRes, error)
		// OrderStats is GET /api/proxy/stats/orders: the caller's orders created in [from, to] (days
		// in the display zone). Closed days proxy.stats_rollup has totalled are read from
		// proxy_stats_daily; the days after (today, or any the job has not reached) are counted from
		// the orders themselves, so the page is complete whether or not the job has run.
		OrderStats(ctx context.Context, req *v1.OrderStatsReq) (*v1.OrderStatsRes, error)
		// RollupStats runs proxy.stats_rollup once. Days are those of kami.timeZone; only closed days
		// (before today) are written. Each day is recomputed whole from proxy_order and written by
		// upsert only where a total differs, so a rerun writes nothing.
		RollupStats(ctx context.Context) (int, error)
		// ProbeSettings is POST /api/proxy/settings/test: info/v2 with the current settings.
		ProbeSettings(ctx context.Context, _ *v1.SettingsProbeReq) (*v1.SettingsProbeRes, error)
		// SyncUsage runs usage_sync once. A failed read marks that pool stale and the run goes on.
		SyncUsage(ctx context.Context) (int, error)
		// SyncFlowLogs runs flow_log_sync once over the last 48 hours (an hourly job: each row is seen
		// on many runs, and the unique key keeps one).
		SyncFlowLogs(ctx context.Context) (int, error)
		// Pools is GET /api/proxy/pools/list.
		Pools(ctx context.Context, req *v1.PoolListReq) (*v1.PoolListRes, error)
		// FlowLogs is GET /api/proxy/flow-logs/list.
		FlowLogs(ctx context.Context, req *v1.FlowLogListReq) (*v1.FlowLogListRes, error)
		// Users is GET /api/proxy/users/list.
		Users(ctx context.Context, req *v1.UserListReq) (*v1.UserListRes, error)
		// GetUser is GET /api/proxy/users/{id} (with the password).
		GetUser(ctx context.Context, req *v1.UserGetReq) (*v1.UserGetRes, error)
		// CreateUser is POST /api/proxy/users: upstream first (main account, then proxy/user/v2), the
		// local row after, so a local row always has its upstream user.
		CreateUser(ctx context.Context, req *v1.UserCreateReq) (*v1.UserCreateRes, error)
		// UpdateUser is PUT /api/proxy/users/{id}: the changed state is sent upstream first, then
		// stored with a version guard (a concurrent edit → 409 CONFLICT).
		UpdateUser(ctx context.Context, req *v1.UserUpdateReq) (*v1.UserUpdateRes, error)
		// WhitelistList is GET /api/proxy/whitelist/list.
		WhitelistList(ctx context.Context, req *v1.WhitelistListReq) (*v1.WhitelistListRes, error)
		// AddWhitelist is POST /api/proxy/whitelist.
		AddWhitelist(ctx context.Context, req *v1.WhitelistAddReq) (*v1.WhitelistAddRes, error)
		// DeleteWhitelist is DELETE /api/proxy/whitelist/{id} (the caller's own entries).
		DeleteWhitelist(ctx context.Context, req *v1.WhitelistDeleteReq) (*v1.WhitelistDeleteRes, error)
	}
)

var (
	localProxy IProxy
)

func Proxy() IProxy {
	if localProxy == nil {
		panic("implement not found for interface IProxy, forgot register?")
	}
	return localProxy
}

func RegisterProxy(i IProxy) {
	localProxy = i
}
