package relay

import (
	"context"
	"sync"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
	"github.com/shopspring/decimal"

	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/utility/dbx"
)

// request is one admitted /v1 call between its reservation and its settlement.
type request struct {
	rid        string
	tk         *token
	price      Price
	groupRatio decimal.Decimal
	pre        int64
	est        int64 // the prompt estimate, kept on the pending row for orphanPolicy=prompt
	resID      int64
	stream     bool
	started    time.Time
	kn         knobs // the settings in force when the request was admitted
	once       sync.Once
}

func ref(rid string) string { return "relay:" + rid }

// The two statements every request sends on its log row go out as written statements
// (dbx.Raw says why): the row has thirty columns, which the ORM would match by name one by one.
func logSQL() dbx.Raw { return dbx.On(dao.RelayLogs.DB()) }

var sqlPendingRow = dao.RelayLogs.Columns().RequestId + " = ? AND " + dao.RelayLogs.Columns().SettleState + " = 'pending'"

// open reserves pre in the ledger and inserts the pending log row, in one transaction: either
// both exist or neither.
// The account lock is taken before the transaction opens (the ledger's rule for callers that
// write their own rows): a transaction waiting on the lock would otherwise hold a connection
// and row locks the lock's holder may need.
func (s *sRelay) open(ctx context.Context, q *request, clientIP string) error {
	return service.Quota().Lock(ctx, []int64{q.tk.UserID}, func(ctx context.Context) error {
		return s.openTx(ctx, q, clientIP)
	})
}

func (s *sRelay) openTx(ctx context.Context, q *request, clientIP string) error {
	return dao.RelayLogs.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if q.pre > 0 {
			id, err := service.Quota().Reserve(ctx, tx, model.QuotaReserve{UserID: q.tk.UserID, Amount: q.pre,
				Type: model.QuotaTypeRelay, Ref: ref(q.rid), IdemKey: ref(q.rid) + ":r", FreshKey: true})
			if err != nil {
				return err
			}
			q.resID = id
		}
		p := q.price
		_, err := logSQL().InsertDo(ctx, dao.RelayLogs.Table(), do.RelayLogs{
			RequestId: q.rid, UserId: q.tk.UserID, TokenId: q.tk.ID, TokenName: q.tk.Name, GroupCode: q.tk.Group,
			Model: p.Model, IsStream: boolInt(q.stream), Status: "pending", PromptTokens: q.est, ModelRatio: p.ModelRatio.String(),
			CompletionRatio: p.CompletionRatio.String(), CacheRatio: p.CacheRatio.String(),
			GroupRatio: q.groupRatio.String(), ModelPrice: p.ModelPrice.String(), PreQuota: q.pre,
			ReservationId: q.resID, SettleState: "pending", ClientIp: clientIP,
			CreatedAt: gtime.NewFromTime(q.started),
		}, dao.RelayLogs.Columns())
		return err
	})
}

// outcome is how a request ended, for its log row and its charge.
type outcome struct {
	status       string // success, client_aborted, upstream_error, timeout
	httpStatus   int
	errorCode    string
	errorMessage string
	usage        Usage
	usageSource  string
	delivered    bool
	channel      *channel
	keyID        int64
	upstreamName string
	attempts     int
	ttfb         time.Duration
}

// settle writes the outcome and commits (or releases) the reservation, once per request, in
// one transaction on a context that outlives the client: the guarded pending -> final UPDATE
// makes a second settlement (a retry, the sweeper) a no-op. If that transaction fails, the
// outcome is still recorded (final, pending) so the sweeper redoes the settlement from it.
func (s *sRelay) settle(ctx context.Context, q *request, o outcome) (err error) {
	q.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		quota := int64(0)
		if o.status == "success" || o.status == "client_aborted" || o.delivered {
			quota = FinalQuota(q.price, q.groupRatio, o.usage, o.delivered)
		}
		now := s.now()
		var chID int64
		var chName string
		if o.channel != nil {
			chID, chName = o.channel.ID, o.channel.Name
		}
		data := do.RelayLogs{
			Status: o.status, HttpStatus: o.httpStatus, ErrorCode: o.errorCode, ErrorMessage: o.errorMessage,
			PromptTokens: o.usage.Prompt, CompletionTokens: o.usage.Completion, CachedTokens: o.usage.Cached,
			UsageSource: o.usageSource, Quota: quota, Final: 1, ChannelId: chID,
			ChannelName: chName, KeyId: o.keyID, UpstreamModel: o.upstreamName, Attempts: o.attempts,
			TtfbMs: o.ttfb.Milliseconds(), LatencyMs: now.Sub(q.started).Milliseconds(),
			SettledAt: gtime.NewFromTime(now),
		}
		st := settlement{rid: q.rid, userID: q.tk.UserID, tokenID: q.tk.ID, resID: q.resID, pre: q.pre, quota: quota,
			opened: true}
		if _, err = s.finish(ctx, st, data); err != nil {
			s.recordOutcome(ctx, q.rid, data)
		}
		s.logAccess(ctx, q, o, quota, now.Sub(q.started))
	})
	return err
}

// settlement is what finishing a pending row needs: whose reservation, how much to collect.
type settlement struct {
	rid     string
	userID  int64
	tokenID int64
	resID   int64
	pre     int64
	quota   int64
	// opened: the request settles the reservation it opened (resID of pre units), so the
	// ledger need not read it back (QuotaCommit.Opened); the sweeper's rows are read.
	opened bool
}

// finish moves one row pending -> committed/released with data and settles its reservation in
// the same transaction, under the account lock. won is false when another settlement (the
// request itself, the sweeper on another node) got there first: then nothing is written. The
// token counter's hold is given back only by the winner.
func (s *sRelay) finish(ctx context.Context, st settlement, data do.RelayLogs) (won bool, err error) {
	data.SettleState = "committed"
	if st.quota == 0 {
		data.SettleState = "released"
	}
	var uncollected int64
	err = service.Quota().Lock(ctx, []int64{st.userID}, func(ctx context.Context) error {
		return dao.RelayLogs.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			won, uncollected = false, 0
			n, err := logSQL().UpdateDo(ctx, dao.RelayLogs.Table(), data, dao.RelayLogs.Columns(), sqlPendingRow, st.rid)
			if err != nil {
				return err
			}
			if n == 0 {
				return nil // already settled
			}
			won = true
			if st.resID == 0 {
				return nil
			}
			if st.quota == 0 {
				return service.Quota().Release(ctx, tx, st.resID)
			}
			opt := model.QuotaCommit{IdemKey: ref(st.rid) + ":s", AllowOverage: true, Remark: ref(st.rid)}
			if st.opened {
				opt.Opened = &model.QuotaReservation{ID: st.resID, UserID: st.userID, Amount: st.pre,
					Type: model.QuotaTypeRelay, Ref: ref(st.rid)}
			}
			collected, err := service.Quota().Commit(ctx, tx, st.resID, st.quota, opt)
			if err != nil {
				return err
			}
			if collected < st.quota {
				uncollected = st.quota - collected
				_, err = logSQL().UpdateDo(ctx, dao.RelayLogs.Table(), do.RelayLogs{Uncollected: st.quota - collected},
					dao.RelayLogs.Columns(), dao.RelayLogs.Columns().RequestId+" = ?", st.rid)
			}
			return err
		})
	})
	if err != nil {
		return false, err
	}
	if won {
		err = unhold(ctx, st.tokenID, st.pre, st.quota)
		if uncollected > 0 {
			s.alertUncollected(ctx, st.rid, st.userID, st.quota, uncollected)
		}
	}
	return won, err
}

// recordOutcome keeps a failed settlement's outcome on the row (final, still pending): the
// sweeper finishes it from there instead of treating the request as orphaned.
func (s *sRelay) recordOutcome(ctx context.Context, rid string, data do.RelayLogs) {
	// A context of its own: the settlement may have failed by running out of its time.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	c := dao.RelayLogs.Columns()
	if _, err := dao.RelayLogs.Ctx(ctx).Data(data).Where(c.RequestId, rid).Where(c.SettleState, "pending").
		Where(c.Final, 0).Update(); err != nil {
		g.Log("relay").Warningf(ctx, "relay settle %s: recording the outcome: %v", rid, err)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
