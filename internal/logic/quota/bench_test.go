package quota_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
)

// benchClients is the number of concurrent callers of every quota benchmark (the 64).
const benchClients = 64

// benchMinTransfers is the least each kind of transfer runs per round, so 64 clients reach a
// steady state whatever b.N the framework starts with (one round usually suffices).
const benchMinTransfers = 3000

// benchFunds is what each benchmark account starts with: far more than any run moves, so no
// transfer fails for lack of quota.
const benchFunds = 1_000_000_000

// benchAccount is a funded, logged-in agent of the benchmarks.
type benchAccount struct {
	testkit.SeededUser
	client *testkit.Client
}

// benchSet is the accounts of one scenario: those the ledger moves quota between, and as many
// for the bare SQL baseline, whose updates write no entries and so would put the ledger's
// accounts out of step with their entries.
type benchSet struct{ ledger, bare []benchAccount }

var (
	benchOnce     sync.Once
	benchSpread   benchSet // 100 accounts: transfers rarely meet on one
	benchHot      benchSet // 2 accounts: every transfer meets every other
	benchSetupErr error
)

// benchAccounts seeds the accounts once per test binary (the framework calls a benchmark
// several times with growing b.N).
func benchAccounts(b *testing.B) (spread, hot benchSet) {
	b.Helper()
	benchOnce.Do(func() {
		root := testkit.SuperAdmin(b)
		boss := testkit.SeedUser(b, consts.RoleAgentAdmin, root)
		seed := func(n int) []benchAccount {
			out := make([]benchAccount, n)
			for i := range out {
				u := testkit.SeedUser(b, consts.RoleAgent, boss)
				if _, err := service.Quota().Credit(context.Background(), nil, model.QuotaMove{
					UserID: u.ID, Amount: benchFunds, Type: model.QuotaTypeSystemRecharge}); err != nil {
					benchSetupErr = err
					return nil
				}
				out[i] = benchAccount{SeededUser: u, client: testkit.Current().Login(b, u)}
			}
			return out
		}
		benchSpread = benchSet{ledger: seed(100), bare: seed(100)}
		benchHot = benchSet{ledger: seed(2), bare: seed(2)}
	})
	if benchSetupErr != nil {
		b.Fatal(benchSetupErr)
	}
	return benchSpread, benchHot
}

// transferFn moves 1 unit from one account to another.
type transferFn func(ctx context.Context, from, to benchAccount) error

// ledgerTransfer is the Go API: account locks in Redis, one transaction, guarded updates,
// a movement and two entries.
func ledgerTransfer(ctx context.Context, from, to benchAccount) error {
	_, err := service.Quota().Transfer(ctx, nil, model.QuotaTransfer{FromUserID: from.ID, ToUserID: to.ID,
		Amount: 1, Type: model.QuotaTypeTransfer})
	return err
}

// httpTransfer is POST /api/quota/transfer as the sender: on top of the Go API, the
// middleware chain, the recipient lookup, the notice and the balance answered.
func httpTransfer(_ context.Context, from, to benchAccount) error {
	r, err := from.client.DoErr(http.MethodPost, "/api/quota/transfer", map[string]any{"toUsername": to.Username, "amount": 1})
	if err != nil {
		return err
	}
	if r.Status != http.StatusOK {
		return fmt.Errorf("HTTP %d %s", r.Status, r.Raw)
	}
	return nil
}

// bareTransfer is the baseline: the same two balance updates in one transaction, in id order,
// guarded, without locks, movement or entries. What the ledger costs is the ratio to this.
func bareTransfer(ctx context.Context, from, to benchAccount) error {
	first, second := from.ID, to.ID
	if second < first {
		first, second = second, first
	}
	return dao.QuotaAccounts.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		for _, id := range []int64{first, second} {
			delta, m := int64(1), dao.QuotaAccounts.Ctx(ctx).Where("user_id", id)
			if id == from.ID {
				delta, m = -1, m.WhereGTE("available", 1)
			}
			res, err := m.Data(g.Map{"available": gdb.Raw(fmt.Sprintf("available + (%d)", delta))}).Update()
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return errs.QuotaInsufficient.New()
			}
		}
		return nil
	})
}

// runClients makes n transfers with benchClients concurrent callers, each drawing its pairs
// from accts, and returns the transfers per second.
func runClients(b *testing.B, n int, accts []benchAccount, fn transferFn) float64 {
	b.Helper()
	var (
		next   atomic.Int64
		failed atomic.Value
		wg     sync.WaitGroup
	)
	start := time.Now()
	for c := range benchClients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(c), uint64(n)))
			for next.Add(1) <= int64(n) {
				i := rng.IntN(len(accts))
				j := (i + 1 + rng.IntN(len(accts)-1)) % len(accts)
				if err := fn(context.Background(), accts[i], accts[j]); err != nil {
					failed.CompareAndSwap(nil, err)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err, _ := failed.Load().(error); err != nil {
		b.Fatalf("a transfer failed: %v", err)
	}
	return float64(n) / elapsed.Seconds()
}

// BenchmarkQuotaTransfer: transfers per second with 64 concurrent clients over 100 accounts
// and over 2 hot accounts, through the Go API and through HTTP, against the same transfers as
// bare SQL updates in the same run. max(b.N, benchMinTransfers) transfers of each kind per
// round; ns/op covers all three kinds, the */s metrics and the x-sql ratios are the figures.
func BenchmarkQuotaTransfer(b *testing.B) {
	testkit.SetSettings(b, map[string]any{"quota.riskSingleOver": 0, "quota.riskFrequentCount": 0,
		"quota.riskIncomingOver": 0, "quota.minTransfer": 1})
	spread, hot := benchAccounts(b)
	for _, sc := range []struct {
		name string
		set  benchSet
	}{{"accounts=100", spread}, {"accounts=2", hot}} {
		b.Run(sc.name, func(b *testing.B) {
			n := max(b.N, benchMinTransfers)
			b.ResetTimer()
			sqlRate := runClients(b, n, sc.set.bare, bareTransfer)
			apiRate := runClients(b, n, sc.set.ledger, ledgerTransfer)
			httpRate := runClients(b, n, sc.set.ledger, httpTransfer)
			b.StopTimer()
			b.ReportMetric(apiRate, "api-transfers/s")
			b.ReportMetric(httpRate, "http-transfers/s")
			b.ReportMetric(sqlRate, "sql-transfers/s")
			b.ReportMetric(sqlRate/apiRate, "x-sql-api")
			b.ReportMetric(sqlRate/httpRate, "x-sql-http")
			b.Logf("%s, %d clients, %d transfers each: Go API %.0f/s, HTTP %.0f/s, bare SQL %.0f/s: the ledger costs %.1fx (API), %.1fx (HTTP)",
				sc.name, benchClients, n, apiRate, httpRate, sqlRate, sqlRate/apiRate, sqlRate/httpRate)
			verifyBenchLedger(b, sc.set)
		})
	}
}

// verifyBenchLedger checks a scenario's accounts after a round: none negative, nothing created
// or lost over either set, each ledger account equal to the sum of its entries, every
// transfer between them summing to zero.
func verifyBenchLedger(b *testing.B, set benchSet) {
	b.Helper()
	ctx := context.Background()
	for _, accts := range [][]benchAccount{set.ledger, set.bare} {
		var rows []struct {
			UserId    int64
			Available int64
		}
		if err := dao.QuotaAccounts.Ctx(ctx).Fields("user_id, available").WhereIn("user_id", idsOf(accts)).Scan(&rows); err != nil {
			b.Fatal(err)
		}
		var held int64
		for _, r := range rows {
			held += r.Available
			if r.Available < 0 {
				b.Errorf("account %d went negative: %d", r.UserId, r.Available)
			}
		}
		if want := int64(len(accts)) * benchFunds; held != want {
			b.Errorf("the accounts hold %d, want %d", held, want)
		}
	}
	var sums []struct {
		UserId int64
		S      int64
	}
	ids := idsOf(set.ledger)
	if err := dao.QuotaEntries.Ctx(ctx).Fields("user_id, SUM(amount) AS s").WhereIn("user_id", ids).
		Where("bucket", model.BucketAvailable).Group("user_id").Scan(&sums); err != nil {
		b.Fatal(err)
	}
	for _, s := range sums {
		if bal, err := service.Quota().Balance(ctx, s.UserId); err != nil || bal.Available != s.S {
			b.Errorf("account %d: balance %+v (%v), entries sum to %d", s.UserId, bal, err, s.S)
		}
	}
	var unbalanced []struct{ MovementId int64 }
	if err := dao.QuotaEntries.Ctx(ctx).Fields("movement_id").WhereIn("user_id", ids).
		Where("type", model.QuotaTypeTransfer).Group("movement_id").
		Having("SUM(amount) <> 0").Scan(&unbalanced); err != nil {
		b.Fatal(err)
	}
	if len(unbalanced) > 0 {
		b.Errorf("%d transfers between the accounts do not sum to zero", len(unbalanced))
	}
}

func idsOf(accts []benchAccount) []int64 {
	ids := make([]int64, len(accts))
	for i, a := range accts {
		ids[i] = a.ID
	}
	return ids
}
