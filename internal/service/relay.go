// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/relay/v1"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/model"

	"github.com/gogf/gf/v2/net/ghttp"
)

type (
	IRelay interface {
		// ChannelList answers the channels (super-admin only, by the catalog). models and group_codes
		// are JSON arrays of strings, so a quoted name matches one element exactly.
		ChannelList(ctx context.Context, req *v1.ChannelListReq) (*v1.ChannelListRes, error)
		ChannelGet(ctx context.Context, req *v1.ChannelGetReq) (*v1.ChannelGetRes, error)
		// ChannelCreate adds a channel and its keys, each sealed under the channel-key subkey, in one
		// transaction with its "created" event.
		ChannelCreate(ctx context.Context, req *v1.ChannelCreateReq) (*v1.ChannelCreateRes, error)
		// ChannelUpdate replaces the editable fields when version is the stored one; the conditional
		// UPDATE bumps it, so of two editors holding the same version only the first wins.
		ChannelUpdate(ctx context.Context, req *v1.ChannelUpdateReq) (*v1.ChannelUpdateRes, error)
		// ChannelDelete removes the channel and its keys; its events and logs stay for the record.
		ChannelDelete(ctx context.Context, req *v1.ChannelDeleteReq) (*v1.ChannelDeleteRes, error)
		// ChannelCheck calls the channel once with a one-token request and reports the outcome. It is
		// never billed and changes nothing but the channel's last latency: no status, no counters.
		ChannelCheck(ctx context.Context, req *v1.ChannelCheckReq) (*v1.ChannelCheckRes, error)
		// ChannelEvents lists a channel's events (disables, enables, probes, model_missing, edits).
		// A deleted channel's events stay readable.
		ChannelEvents(ctx context.Context, req *v1.ChannelEventsReq) (*v1.ChannelEventsRes, error)
		// ChannelStatus switches a channel on (1) or off (0) by hand. A manual status always wins: it
		// overwrites 2 as well, automation never touches a 0, and switching on resets the trip and
		// probe counters so the channel starts clean.
		ChannelStatus(ctx context.Context, req *v1.ChannelStatusReq) (*v1.ChannelStatusRes, error)
		// ChannelKeysAdd seals and adds keys to an existing channel.
		ChannelKeysAdd(ctx context.Context, req *v1.ChannelKeysAddReq) (*v1.ChannelKeysAddRes, error)
		// ChannelKeyStatus switches one key on or off by hand; like the channel's, a manual status wins
		// over automation and switching on resets the key's probe counter.
		ChannelKeyStatus(ctx context.Context, req *v1.ChannelKeyStatusReq) (*v1.ChannelKeyStatusRes, error)
		// ChannelKeyDelete removes one key of a channel.
		ChannelKeyDelete(ctx context.Context, req *v1.ChannelKeyDeleteReq) (*v1.ChannelKeyDeleteRes, error)
		// ChannelCheckAll starts testing the channels (all, or the ids given) one after another in the
		// background and answers the task id at once; the progress lives in Redis, so any node can
		// answer GET /relay/tasks/{taskId}. Tests are sequential on purpose: test-all must not hammer
		// the upstreams nor flap anything (One API #1090) — it changes nothing but latencies.
		ChannelCheckAll(ctx context.Context, req *v1.ChannelCheckAllReq) (*v1.ChannelCheckAllRes, error)
		// TaskGet answers a test-all task's state; an unknown or expired one is 404.
		TaskGet(ctx context.Context, req *v1.TaskGetReq) (*v1.TaskGetRes, error)
		// Edge is the /v1 group's Recover (relay.md §1; CORS is the server-level middleware's, which
		// answers /v1 for any origin): a handler fault is answered as OpenAI's 500 internal_error
		// instead of gf's plain-text page. Nothing is charged on a fault (releaseOnFault).
		Edge(r *ghttp.Request)
		// GroupList answers every group to the super-admin, the assignable ones to an agent-admin (what
		// it may hand out) and only its own group to an agent.
		GroupList(ctx context.Context, req *v1.GroupListReq) (*v1.GroupListRes, error)
		GroupCreate(ctx context.Context, req *v1.GroupCreateReq) (*v1.GroupCreateRes, error)
		GroupUpdate(ctx context.Context, req *v1.GroupUpdateReq) (*v1.GroupUpdateRes, error)
		// GroupDelete refuses the default group and any group a user or a channel still names.
		GroupDelete(ctx context.Context, req *v1.GroupDeleteReq) (*v1.GroupDeleteRes, error)
		// Start subscribes to relay:inval and starts the version poll; boot calls it once Redis is
		// open. A failing subscription is retried by its loop; the poll covers the gap meanwhile.
		Start(ctx context.Context) error
		// Stop ends the subscription and the poll; the caches keep serving what they hold.
		Stop()
		// LogList answers the relay requests of the caller's scope (all, subtree, own). Only the
		// super-admin filters by channel and sees the channel fields: which upstream served a request
		// is the operator's business.
		LogList(ctx context.Context, req *v1.LogListReq) (*v1.LogListRes, error)
		// Configure hands the service the configuration (the export cap).
		Configure(cfg func() *config.Config)
		// LogExport prepares every relay log of the filter and the caller's scope (not one page) as an
		// .xlsx download: the same query as the list, capped at kami.exportMaxRows, read newest first
		// in keyset batches (exportfile.Keyset).
		LogExport(ctx context.Context, req *v1.LogExportReq) (*model.Download, error)
		// LogRetentionRun deletes the relay logs created before now − relay.logRetentionDays, oldest
		// first, in batches of ids (a portable DELETE … WHERE id IN, no DELETE … LIMIT). It returns the
		// number of rows deleted.
		LogRetentionRun(ctx context.Context) (int, error)
		// Models serves GET /v1/models and GET /v1/models/{model}.
		Models(r *ghttp.Request)
		// ChatCompletions serves POST /v1/chat/completions.
		ChatCompletions(r *ghttp.Request)
		// Embeddings serves POST /v1/embeddings.
		Embeddings(r *ghttp.Request)
		// UnknownURL answers every other /v1 path.
		UnknownURL(r *ghttp.Request)
		// PriceList answers the prices; every role reads them (the catalog gives editing to the
		// super-admin only).
		PriceList(ctx context.Context, req *v1.PriceListReq) (*v1.PriceListRes, error)
		PriceCreate(ctx context.Context, req *v1.PriceCreateReq) (*v1.PriceCreateRes, error)
		// PriceUpdate refuses to rename a model a channel lists: the channel would serve it unpriced.
		PriceUpdate(ctx context.Context, req *v1.PriceUpdateReq) (*v1.PriceUpdateRes, error)
		// PriceDelete refuses while a channel lists the model: the channel would serve it unpriced.
		PriceDelete(ctx context.Context, req *v1.PriceDeleteReq) (*v1.PriceDeleteRes, error)
		// ChannelProbe probes every key and channel at status 2 (disabled by automation) and returns
		// the number of upstream calls made. Nothing at 0 is touched: a channel switched off by hand is
		// skipped whole, a key switched off by hand is never probed. A key or channel comes back only
		// after relay.recoverSuccesses consecutive successful runs (a failed run resets the count), so
		// a flapping upstream stays off. Probes go around the pipeline: never billed, never logged as
		// requests.
		ChannelProbe(ctx context.Context) (int, error)
		// SetClock is how boot (or a test) hands the service its clock: token expiry and log times
		// are measured on it.
		SetClock(c clock.Clock)
		// Invalidate drops this node's caches (tests use it after seeding rows directly): the next
		// request rebuilds the snapshot and re-reads tokens. Admin writes go through invalidate, which
		// also tells the other nodes.
		Invalidate(ctx context.Context)
		// UserChanged is the hook the user module calls after a user's status changed: the user's
		// cached status (and so its tokens' admission) is dropped on every node.
		UserChanged(ctx context.Context, userID int64)
		// SettleSweep redoes the settlement of final rows pending for over 30 s and settles rows
		// pending past maxStreamDurationS + 300 s as orphaned, per relay.orphanPolicy: release (0) or
		// the prompt estimate. Each row is finished by the guarded pending -> final UPDATE, so two
		// sweeps racing (or a sweep and a late request) settle it once. It returns the rows settled.
		SettleSweep(ctx context.Context) (int, error)
		// SettleBacklog counts the rows the sweeper would act on now (kami_relay_settle_backlog).
		SettleBacklog(ctx context.Context) (int, error)
		// StatsSummary answers the totals of the period.
		StatsSummary(ctx context.Context, req *v1.StatsSummaryReq) (*v1.StatsSummaryRes, error)
		// StatsSeries answers one point per hour or per calendar day of kami.timeZone, empty buckets
		// included. A day is assembled from the UTC hours that start in it, which is exact for zones
		// on whole-hour offsets (Asia/Shanghai).
		StatsSeries(ctx context.Context, req *v1.StatsSeriesReq) (*v1.StatsSeriesRes, error)
		// StatsTop ranks models, users or channels of the period. Only the super-admin ranks channels:
		// which upstream served a request is the operator's business (the logs hide it the same way).
		StatsTop(ctx context.Context, req *v1.StatsTopReq) (*v1.StatsTopRes, error)
		// StatsRollup recomputes the current and previous UTC hour of relay_stats_hourly from the
		// logs. Each group's row is overwritten with totals (never incremented), so a rerun, or two
		// nodes running it at once, leaves the same figures: the run is idempotent. It returns the
		// number of rows written.
		StatsRollup(ctx context.Context) (int, error)
		// TokenList answers the tokens of the caller's scope (§5): all, the subtree's, or the own.
		TokenList(ctx context.Context, req *v1.TokenListReq) (*v1.TokenListRes, error)
		// TokenCreate makes a token for the caller or a user in its scope; the key is returned once.
		// The per-user cap is counted under the user's lock so two racing creates cannot both pass it.
		TokenCreate(ctx context.Context, req *v1.TokenCreateReq) (*v1.TokenCreateRes, error)
		// TokenGet answers one token in scope; outside it, 404 as for one that does not exist.
		TokenGet(ctx context.Context, req *v1.TokenGetReq) (*v1.TokenGetRes, error)
		// TokenUpdate replaces the editable fields; the change reaches /v1 through the invalidation.
		TokenUpdate(ctx context.Context, req *v1.TokenUpdateReq) (*v1.TokenUpdateRes, error)
		// TokenStatus switches a token on or off.
		TokenStatus(ctx context.Context, req *v1.TokenStatusReq) (*v1.TokenStatusRes, error)
		// TokenRotate gives the token a new key; the old hash is gone from the row, so the old key is
		// unknown to every node once the caches drop it.
		TokenRotate(ctx context.Context, req *v1.TokenRotateReq) (*v1.TokenRotateRes, error)
		// TokenDelete soft-deletes the token (its logs keep pointing at it).
		TokenDelete(ctx context.Context, req *v1.TokenDeleteReq) (*v1.TokenDeleteRes, error)
		// UserGroupGet answers a user's group and its ratio; a user outside the caller's scope is 404
		// (an agent reads only itself).
		UserGroupGet(ctx context.Context, req *v1.UserGroupGetReq) (*v1.UserGroupGetRes, error)
		// UserGroupSet puts a user in a group: the super-admin any user in any group, an agent-admin a
		// user of its subtree in an agent-assignable group. The change reaches /v1 through the
		// invalidation (the user's cached group is dropped).
		UserGroupSet(ctx context.Context, req *v1.UserGroupSetReq) (*v1.UserGroupSetRes, error)
	}
)

var (
	localRelay IRelay
)

func Relay() IRelay {
	if localRelay == nil {
		panic("implement not found for interface IRelay, forgot register?")
	}
	return localRelay
}

func RegisterRelay(i IRelay) {
	localRelay = i
}
