package quota

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

// ReconcileJob checks the ledger every night; the super-admin can also run it from the jobs page.
const ReconcileJob = "quota.reconcile"

// reconcileBatch is how many accounts one pass compares: one read of their rows and one
// GROUP BY over their entries, so a run costs a few queries per thousand accounts.
const reconcileBatch = 500

func init() {
	job.Register(job.Def{
		Name:            ReconcileJob,
		Description:     "Check every quota account against the sum of its ledger entries, and the ledger against zero",
		DefaultSchedule: "0 30 3 * * *",
		Run:             func(ctx context.Context) (int, error) { return service.Quota().Reconcile(ctx) },
	})
}

// mismatch is one account whose balance row differs from its entries in at least one bucket.
type mismatch struct {
	user             int64
	balance, entries delta
	buckets          []bucketDiff // the differing buckets
}

type bucketDiff struct {
	bucket           string
	balance, entries int64
}

// entrySum is one row of the GROUP BY over an account range's entries.
type entrySum struct {
	U int64
	B string
	S int64
}

// Reconcile checks every account against its entries and the whole ledger against zero, and
// raises an alert (a quota_alerts row and a notice to the super-admins) for each difference.
// It answers how many differences it found. It only reads the ledger: a difference is a bug
// for a person to look at, never something to "fix" by writing an entry.
func (s *sQuota) Reconcile(ctx context.Context) (int, error) {
	run, err := runToken()
	if err != nil {
		return 0, err
	}
	found := 0
	for after, more := int64(model.SystemAccount), true; more; {
		if err = ctx.Err(); err != nil {
			return found, err
		}
		var bad []mismatch
		if bad, after, more, err = compareAccounts(ctx, after, reconcileBatch); err != nil {
			return found, err
		}
		for _, m := range bad {
			n, err := s.raiseAccount(ctx, run, m)
			found += n
			if err != nil {
				return found, err
			}
		}
	}
	sum, err := dao.QuotaEntries.Ctx(ctx).Sum(dao.QuotaEntries.Columns().Amount)
	if err != nil {
		return found, err
	}
	if total := int64(sum); total != 0 {
		if err = s.raiseGlobal(ctx, run, total); err != nil {
			return found, err
		}
		found++
	}
	return found, nil
}

// compareAccounts compares the accounts with ids above after (up to batch of them)
// with their entries, and answers the mismatches, the last id compared and whether accounts
// remain. Both reads run in one transaction, so they see the same snapshot of a ledger that
// keeps moving (a balance and its entries are always written together); the last batch has no
// upper bound, so entries of a user without an account row are compared with zero too.
func compareAccounts(ctx context.Context, after int64, batch int) (bad []mismatch, last int64, more bool, err error) {
	acols, ecols := dao.QuotaAccounts.Columns(), dao.QuotaEntries.Columns()
	// REPEATABLE READ is asked for, not assumed: under READ COMMITTED each statement would
	// see its own snapshot and a movement committed between them would look like a difference.
	opts := gdb.TxOptions{Propagation: gdb.PropagationNested, Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	err = dao.QuotaAccounts.DB().TransactionWithOptions(ctx, opts, func(ctx context.Context, _ gdb.TX) error {
		var accts []entity.QuotaAccounts
		err := dao.QuotaAccounts.Ctx(ctx).Fields(acols.UserId, acols.Available, acols.Frozen).
			WhereGT(acols.UserId, after).OrderAsc(acols.UserId).Limit(batch).Scan(&accts)
		if err != nil && !dbx.IsNoRows(err) {
			return err
		}
		q := dao.QuotaEntries.Ctx(ctx).Fields(ecols.UserId+" AS u", ecols.Bucket+" AS b", "SUM("+ecols.Amount+") AS s").
			WhereGT(ecols.UserId, after)
		if more = len(accts) == batch; more {
			last = accts[len(accts)-1].UserId
			q = q.WhereLTE(ecols.UserId, last)
		}
		var sums []entrySum
		if err = q.Group(ecols.UserId, ecols.Bucket).Scan(&sums); err != nil && !dbx.IsNoRows(err) {
			return err
		}
		bad = diff(accts, sums)
		return nil
	})
	return bad, last, more, err
}

// diff pairs balance rows with entry sums. An entry in a bucket other than the two (a bug
// as well) is a difference whatever its sum, since no balance holds it.
func diff(accts []entity.QuotaAccounts, sums []entrySum) []mismatch {
	byUser := map[int64]*mismatch{}
	var order []int64
	get := func(u int64) *mismatch {
		m := byUser[u]
		if m == nil {
			m = &mismatch{user: u}
			byUser[u] = m
			order = append(order, u)
		}
		return m
	}
	for _, a := range accts {
		get(a.UserId).balance = delta{available: a.Available, frozen: a.Frozen}
	}
	for _, s := range sums {
		m := get(s.U)
		switch s.B {
		case model.BucketAvailable:
			m.entries.available = s.S
		case model.BucketFrozen:
			m.entries.frozen = s.S
		default:
			m.buckets = append(m.buckets, bucketDiff{bucket: s.B, entries: s.S})
		}
	}
	var out []mismatch
	for _, u := range order {
		m := byUser[u]
		if m.balance.available != m.entries.available {
			m.buckets = append(m.buckets, bucketDiff{model.BucketAvailable, m.balance.available, m.entries.available})
		}
		if m.balance.frozen != m.entries.frozen {
			m.buckets = append(m.buckets, bucketDiff{model.BucketFrozen, m.balance.frozen, m.entries.frozen})
		}
		if len(m.buckets) > 0 {
			out = append(out, *m)
		}
	}
	return out
}

// raiseAccount records one alert row per differing bucket and tells the super-admins once per
// run and account, all in one transaction.
func (s *sQuota) raiseAccount(ctx context.Context, run string, m mismatch) (int, error) {
	names, err := service.User().Usernames(ctx, []int64{m.user})
	if err != nil {
		return 0, err
	}
	account := names[m.user]
	if account == "" {
		account = "#" + strconv.FormatInt(m.user, 10)
	}
	err = dao.QuotaAlerts.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		var first int64
		for _, b := range m.buckets {
			id, err := s.insertAlert(ctx, alertAccount, m.user, b.bucket, b.entries, b.balance)
			if err != nil {
				return err
			}
			if first == 0 {
				first = id
			}
		}
		_, err := service.Notify().Send(ctx, model.Notice{
			To: model.Recipients{Roles: []string{consts.RoleSuperAdmin}}, Kind: "quota.alert",
			Template: "quota.reconcileAlert", Ref: model.Ref{Type: "quota.alert", ID: first},
			Params: map[string]any{
				"account": account, "userId": m.user,
				"available": s.yuan(m.balance.available), "availableEntries": s.yuan(m.entries.available),
				"frozen": s.yuan(m.balance.frozen), "frozenEntries": s.yuan(m.entries.frozen),
			},
			DedupKey: "quota.reconcile:" + run + ":" + strconv.FormatInt(m.user, 10),
		})
		return err
	})
	if err != nil {
		return 0, err
	}
	return len(m.buckets), nil
}

// raiseGlobal records that the entries do not sum to zero: units were made or lost.
func (s *sQuota) raiseGlobal(ctx context.Context, run string, total int64) error {
	return dao.QuotaAlerts.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		id, err := s.insertAlert(ctx, alertGlobal, 0, "", 0, total)
		if err != nil {
			return err
		}
		_, err = service.Notify().Send(ctx, model.Notice{
			To: model.Recipients{Roles: []string{consts.RoleSuperAdmin}}, Kind: "quota.alert",
			Template: "quota.reconcileGlobal", Ref: model.Ref{Type: "quota.alert", ID: id},
			Params:   map[string]any{"sum": s.yuan(total)},
			DedupKey: "quota.reconcile:" + run + ":global",
		})
		return err
	})
}

func (s *sQuota) insertAlert(ctx context.Context, kind string, user int64, bucket string, expected, actual int64) (int64, error) {
	return dao.QuotaAlerts.Ctx(ctx).Data(do.QuotaAlerts{
		Kind: kind, UserId: user, Bucket: bucket, Expected: expected, Actual: actual,
		CreatedAt: gtime.NewFromTime(s.now()),
	}).InsertAndGetId()
}

// runToken names one run, so its notices are deduplicated within it but a later run that
// finds the same difference tells the super-admins again.
func runToken() (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("quota: run token: %w", err)
	}
	return hex.EncodeToString(b), nil
}
