package quota_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
)

// agent is a fresh account with amount units.
func agent(t *testing.T, amount int64) int64 {
	t.Helper()
	root := testkit.SuperAdmin(t)
	u := testkit.SeedUser(t, consts.RoleAgent, testkit.SeedUser(t, consts.RoleAgentAdmin, root))
	if amount > 0 {
		fund(t, u.ID, amount)
	}
	return u.ID
}

func wantBalance(t *testing.T, user, available, frozen int64) {
	t.Helper()
	if got := balanceOf(t, user); got.Available != available || got.Frozen != frozen {
		t.Fatalf("user %d holds available %d frozen %d, want %d and %d", user, got.Available, got.Frozen, available, frozen)
	}
	checkLedger(t, user)
}

func TestReserveCommitRelease(t *testing.T) {
	q, ctx := service.Quota(), context.Background()
	cases := []struct {
		name             string
		reserve, commit  int64
		overage          bool
		start            int64
		collected        int64
		wantAvail        int64
		release          bool
		wantCommitReason string
	}{
		{name: "commit all", start: 1000, reserve: 300, commit: 300, collected: 300, wantAvail: 700},
		{name: "commit less releases the rest", start: 1000, reserve: 300, commit: 120, collected: 120, wantAvail: 880},
		{name: "commit zero releases all", start: 1000, reserve: 300, commit: 0, collected: 0, wantAvail: 1000},
		{name: "overage taken from available", start: 1000, reserve: 300, commit: 500, overage: true, collected: 500, wantAvail: 500},
		{name: "overage stops at zero", start: 400, reserve: 300, commit: 900, overage: true, collected: 400, wantAvail: 0},
		{name: "overage refused without the option", start: 1000, reserve: 300, commit: 301, wantCommitReason: "INVALID_INPUT", wantAvail: 700},
		{name: "release", start: 1000, reserve: 300, release: true, wantAvail: 1000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u := agent(t, c.start)
			id, err := q.Reserve(ctx, nil, model.QuotaReserve{UserID: u, Amount: c.reserve, Type: "test_hold", Ref: testkit.UniqueName("ref:")})
			if err != nil {
				t.Fatal(err)
			}
			wantBalance(t, u, c.start-c.reserve, c.reserve)
			if c.release {
				if err = q.Release(ctx, nil, id); err != nil {
					t.Fatal(err)
				}
				if err = q.Release(ctx, nil, id); err != nil {
					t.Fatalf("a second release is a no-op, got %v", err)
				}
				wantBalance(t, u, c.wantAvail, 0)
				if _, err = q.Commit(ctx, nil, id, 1, model.QuotaCommit{}); !errs.Is(err, errs.InvalidState) {
					t.Fatalf("commit after release: %v", err)
				}
				return
			}
			got, err := q.Commit(ctx, nil, id, c.commit, model.QuotaCommit{AllowOverage: c.overage})
			if c.wantCommitReason != "" {
				var be *errs.Error
				if !errors.As(err, &be) || be.Code().Message() != c.wantCommitReason {
					t.Fatalf("commit: %v, want %s", err, c.wantCommitReason)
				}
				wantBalance(t, u, c.wantAvail, c.reserve)
				return
			}
			if err != nil || got != c.collected {
				t.Fatalf("commit collected %d (%v), want %d", got, err, c.collected)
			}
			wantBalance(t, u, c.wantAvail, 0)
			if _, err = q.Commit(ctx, nil, id, c.commit, model.QuotaCommit{AllowOverage: c.overage}); !errs.Is(err, errs.InvalidState) {
				t.Fatalf("second commit without a key: %v, want INVALID_STATE", err)
			}
			if err = q.Release(ctx, nil, id); !errs.Is(err, errs.InvalidState) {
				t.Fatalf("release after commit: %v, want INVALID_STATE", err)
			}
		})
	}
}

func TestIdempotentCallsMoveOnce(t *testing.T) {
	q, ctx := service.Quota(), context.Background()
	u := agent(t, 1000)
	key := testkit.UniqueName("k")
	first, err := q.Debit(ctx, nil, model.QuotaMove{UserID: u, Amount: 100, Type: "test_charge", IdemKey: key})
	if err != nil {
		t.Fatal(err)
	}
	again, err := q.Debit(ctx, nil, model.QuotaMove{UserID: u, Amount: 100, Type: "test_charge", IdemKey: key})
	if err != nil || again != first {
		t.Fatalf("repeat answered movement %d (%v), want %d", again, err, first)
	}
	if _, err = q.Debit(ctx, nil, model.QuotaMove{UserID: u, Amount: 101, Type: "test_charge", IdemKey: key}); !errs.Is(err, errs.IdempotencyMismatch) {
		t.Fatalf("same key, other amount: %v", err)
	}
	wantBalance(t, u, 900, 0)

	rkey := testkit.UniqueName("r")
	res1, err := q.Reserve(ctx, nil, model.QuotaReserve{UserID: u, Amount: 200, Type: "test_hold", IdemKey: rkey})
	if err != nil {
		t.Fatal(err)
	}
	res2, err := q.Reserve(ctx, nil, model.QuotaReserve{UserID: u, Amount: 200, Type: "test_hold", IdemKey: rkey})
	if err != nil || res2 != res1 {
		t.Fatalf("repeated reserve gave %d (%v), want %d", res2, err, res1)
	}
	ckey := testkit.UniqueName("c")
	for i := 0; i < 2; i++ {
		got, err := q.Commit(ctx, nil, res1, 150, model.QuotaCommit{IdemKey: ckey})
		if err != nil || got != 150 {
			t.Fatalf("commit #%d collected %d (%v)", i+1, got, err)
		}
	}
	wantBalance(t, u, 750, 0)
}

// A failed ledger call inside the caller's transaction leaves nothing behind, even when the
// caller goes on and commits what it did before.
func TestFailedCallInCallersTransactionWritesNothing(t *testing.T) {
	q, ctx := service.Quota(), context.Background()
	u, other := agent(t, 500), agent(t, 0)
	err := q.Lock(ctx, []int64{u}, func(ctx context.Context) error {
		return dao.QuotaAccounts.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			if _, err := q.Debit(ctx, tx, model.QuotaMove{UserID: u, Amount: 200, Type: "test_charge"}); err != nil {
				return err
			}
			_, err := q.Transfer(ctx, tx, model.QuotaTransfer{FromUserID: u, ToUserID: other, Amount: 400, Type: "test_move"})
			if !errs.Is(err, errs.QuotaInsufficient) {
				t.Errorf("overdraft inside the transaction: %v", err)
			}
			return nil // the caller commits anyway
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	wantBalance(t, u, 300, 0)
	n, err := dao.QuotaEntries.Ctx(ctx).Where("user_id", u).Count()
	if err != nil || n != 2 { // its credit and the debit
		t.Fatalf("%d entries (%v), want 2", n, err)
	}
}

// Reserve, Commit and Release inside the caller's transaction write no savepoint: every one of
// their refusals must come before their first write, so a caller that goes on and commits keeps
// nothing of a refused call (the relay's pattern: lock, transaction, ledger call, own rows).
func TestReservationCallsInCallersTransaction(t *testing.T) {
	q, ctx := service.Quota(), context.Background()
	u := agent(t, 500)
	inTx := func(fn func(ctx context.Context, tx gdb.TX) error) {
		t.Helper()
		if err := q.Lock(ctx, []int64{u}, func(ctx context.Context) error {
			return dao.QuotaAccounts.Transaction(ctx, fn)
		}); err != nil {
			t.Fatal(err)
		}
	}
	entries := func() int {
		n, err := dao.QuotaEntries.Ctx(ctx).Where("user_id", u).Count()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	var res int64
	key := testkit.UniqueName("k")
	inTx(func(ctx context.Context, tx gdb.TX) (err error) {
		if res, err = q.Reserve(ctx, tx, model.QuotaReserve{UserID: u, Amount: 300, Type: "test_hold", IdemKey: key + ":r"}); err != nil {
			return err
		}
		if _, err = q.Reserve(ctx, tx, model.QuotaReserve{UserID: u, Amount: 300, Type: "test_hold"}); !errs.Is(err, errs.QuotaInsufficient) {
			t.Errorf("second reserve past the balance: %v", err)
		}
		if _, err = q.Reserve(ctx, tx, model.QuotaReserve{UserID: u, Amount: 1, Type: "test_hold", IdemKey: key + ":r"}); !errs.Is(err, errs.IdempotencyMismatch) {
			t.Errorf("same key, other amount: %v", err)
		}
		return nil // the caller commits anyway
	})
	wantBalance(t, u, 200, 300)
	if n, err := dao.QuotaReservations.Ctx(ctx).Where("user_id", u).Count(); err != nil || n != 1 {
		t.Fatalf("%d reservations (%v), want the one that was granted", n, err)
	}
	before := entries()
	inTx(func(ctx context.Context, tx gdb.TX) error {
		got, err := q.Commit(ctx, tx, res, 350, model.QuotaCommit{IdemKey: key + ":s", AllowOverage: true})
		if err != nil || got != 350 {
			t.Errorf("commit with overage collected %d (%v)", got, err)
		}
		if again, err := q.Commit(ctx, tx, res, 350, model.QuotaCommit{IdemKey: key + ":s", AllowOverage: true}); err != nil || again != 350 {
			t.Errorf("replayed commit: %d (%v)", again, err)
		}
		if _, err = q.Commit(ctx, tx, res, 10, model.QuotaCommit{IdemKey: key + ":s"}); !errs.Is(err, errs.IdempotencyMismatch) {
			t.Errorf("same key, other amount: %v", err)
		}
		if _, err = q.Commit(ctx, tx, res, 10, model.QuotaCommit{}); !errs.Is(err, errs.InvalidState) {
			t.Errorf("second commit without a key: %v", err)
		}
		if err = q.Release(ctx, tx, res); !errs.Is(err, errs.InvalidState) {
			t.Errorf("release of a committed reservation: %v", err)
		}
		return nil
	})
	wantBalance(t, u, 150, 0)
	if n := entries(); n != before+2 { // frozen -300 and available -50 of the one commit
		t.Fatalf("%d entries written by the commit and its refusals, want 2", n-before)
	}
}

func TestOverdueReservationsAreListed(t *testing.T) {
	q, ctx := service.Quota(), context.Background()
	u := agent(t, 1000)
	typ := testkit.UniqueName("sweep_")
	past, future := time.Now().Add(-time.Minute), time.Now().Add(time.Hour)
	overdue, err := q.Reserve(ctx, nil, model.QuotaReserve{UserID: u, Amount: 10, Type: typ, Ref: "a", Deadline: past})
	if err != nil {
		t.Fatal(err)
	}
	if _, err = q.Reserve(ctx, nil, model.QuotaReserve{UserID: u, Amount: 10, Type: typ, Ref: "b", Deadline: future}); err != nil {
		t.Fatal(err)
	}
	done, err := q.Reserve(ctx, nil, model.QuotaReserve{UserID: u, Amount: 10, Type: typ, Ref: "c", Deadline: past})
	if err != nil {
		t.Fatal(err)
	}
	if err = q.Release(ctx, nil, done); err != nil {
		t.Fatal(err)
	}
	got, err := q.OverdueReservations(ctx, typ, time.Now(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != overdue || got[0].Status != model.ReservationOpen {
		t.Fatalf("overdue: %+v, want only reservation %d", got, overdue)
	}
	byRef, err := q.ReservationByRef(ctx, "b")
	if err != nil || byRef == nil || byRef.Deadline == nil {
		t.Fatalf("by ref: %+v %v", byRef, err)
	}
}

// A FreshKey reservation skips the replay read; a key that was not fresh after all fails with
// 409 IDEMPOTENCY_IN_PROGRESS and leaves nothing, even in a caller's transaction that commits.
func TestFreshKeyReserveRefusesATakenKey(t *testing.T) {
	q, ctx := service.Quota(), context.Background()
	u := agent(t, 1000)
	key := testkit.UniqueName("f")
	res, err := q.Reserve(ctx, nil, model.QuotaReserve{UserID: u, Amount: 100, Type: "test_hold", IdemKey: key, FreshKey: true})
	if err != nil || res == 0 {
		t.Fatalf("fresh reserve: %d (%v)", res, err)
	}
	wantBalance(t, u, 900, 100)
	for _, inTx := range []bool{false, true} {
		var again int64
		if inTx {
			if lerr := q.Lock(ctx, []int64{u}, func(ctx context.Context) error {
				return dao.QuotaAccounts.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
					again, err = q.Reserve(ctx, tx, model.QuotaReserve{UserID: u, Amount: 100, Type: "test_hold", IdemKey: key, FreshKey: true})
					return nil // the caller commits anyway
				})
			}); lerr != nil {
				t.Fatal(lerr)
			}
		} else {
			again, err = q.Reserve(ctx, nil, model.QuotaReserve{UserID: u, Amount: 100, Type: "test_hold", IdemKey: key, FreshKey: true})
		}
		if !errs.Is(err, errs.IdempotencyInProgress) || again != 0 {
			t.Fatalf("taken key (in a caller's transaction: %v): %d (%v), want IDEMPOTENCY_IN_PROGRESS", inTx, again, err)
		}
		wantBalance(t, u, 900, 100)
		if n, err := dao.QuotaReservations.Ctx(ctx).Where("user_id", u).Count(); err != nil || n != 1 {
			t.Fatalf("%d reservations (%v), want the first one only", n, err)
		}
	}
}

// A Commit told the reservation its caller opened does not read it; the close's guard checks
// what it was told: another amount, user, type or ref fails 409 INVALID_STATE and writes nothing.
func TestCommitOfAnOpenedReservationIsGuarded(t *testing.T) {
	q, ctx := service.Quota(), context.Background()
	u, other := agent(t, 1000), agent(t, 1000)
	ref := testkit.UniqueName("ref")
	res, err := q.Reserve(ctx, nil, model.QuotaReserve{UserID: u, Amount: 100, Type: "test_hold", Ref: ref})
	if err != nil {
		t.Fatal(err)
	}
	right := model.QuotaReservation{ID: res, UserID: u, Amount: 100, Type: "test_hold", Ref: ref}
	commit := func(o model.QuotaReservation, actual int64) (int64, error) {
		var got int64
		err := q.Lock(ctx, []int64{u, other}, func(ctx context.Context) error {
			return dao.QuotaAccounts.Transaction(ctx, func(ctx context.Context, tx gdb.TX) (err error) {
				got, err = q.Commit(ctx, tx, res, actual, model.QuotaCommit{Opened: &o, AllowOverage: true})
				return err
			})
		})
		return got, err
	}
	wrong := []func(o *model.QuotaReservation){
		func(o *model.QuotaReservation) { o.Amount = 99 },
		func(o *model.QuotaReservation) { o.UserID = other },
		func(o *model.QuotaReservation) { o.Type = "test_other" },
		func(o *model.QuotaReservation) { o.Ref = ref + "x" },
	}
	for i, change := range wrong {
		o := right
		change(&o)
		if _, err := commit(o, 60); !errs.Is(err, errs.InvalidState) {
			t.Fatalf("wrong field %d: %v, want INVALID_STATE", i, err)
		}
		wantBalance(t, u, 900, 100)
		wantBalance(t, other, 1000, 0)
	}
	if got, err := commit(right, 60); err != nil || got != 60 {
		t.Fatalf("commit of the opened reservation: %d (%v)", got, err)
	}
	wantBalance(t, u, 940, 0)
	if _, err := commit(right, 60); !errs.Is(err, errs.InvalidState) {
		t.Fatalf("second commit: %v, want INVALID_STATE", err)
	}
	wantBalance(t, u, 940, 0)
}
