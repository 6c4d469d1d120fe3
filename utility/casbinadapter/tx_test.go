package casbinadapter

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/gogf/gf/v2/database/gdb"
)

// loadRules loads through the adapter with ctx and returns the p rules.
func loadRules(t *testing.T, ctx context.Context, a *Adapter) [][]string {
	t.Helper()
	m := newModel(t)
	if err := a.LoadPolicyCtx(ctx, m); err != nil {
		t.Fatal(err)
	}
	rules, err := m.GetPolicy("p", "p")
	if err != nil {
		t.Fatal(err)
	}
	return rules
}

func TestReplaceSubjectRollback(t *testing.T) {
	eachBackend(t, func(t *testing.T, db gdb.DB, table string) {
		seed(t, db, table)
		a := New(db, table)
		ctx := t.Context()
		before := dumpRows(t, ctx, db, table)

		errAbort := errors.New("abort")
		err := db.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			if err := a.ReplaceSubject(ctx, "p", "alice", [][]string{{"alice", "/new", "PUT"}}); err != nil {
				return err
			}
			// Inside the transaction the replacement is visible through ctx,
			// showing reads and writes run on the transaction's connection.
			assertRules(t, "inside tx", loadRules(t, ctx, a), "admin,/admin/*,*", "alice,/new,PUT")
			return errAbort
		})
		if !errors.Is(err, errAbort) {
			t.Fatalf("transaction error = %v, want abort", err)
		}
		if after := dumpRows(t, ctx, db, table); !reflect.DeepEqual(after, before) {
			t.Fatalf("rollback leaked writes:\n before %q\n after  %q", before, after)
		}
		e := newEnforcer(t, a)
		assertEnforce(t, e, true, "alice", "/data/1", "GET")
		assertEnforce(t, e, false, "alice", "/new", "PUT")
	})
}

func TestReplaceSubjectCommit(t *testing.T) {
	eachBackend(t, func(t *testing.T, db gdb.DB, table string) {
		seed(t, db, table)
		insertRaw(t, db, table, "p", "alice", "/data/:id", "DELETE")
		a := New(db, table)
		ctx := t.Context()

		err := db.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			// Another write of the caller in the same transaction.
			if _, err := db.Model(table).Ctx(ctx).Data(gdb.Map{"ptype": "g", "v0": "zed", "v1": "admin"}).Insert(); err != nil {
				return err
			}
			return a.ReplaceSubject(ctx, "p", "alice", [][]string{
				{"alice", "/new/:id", "PUT"},
				{"alice", "/new/:id", "GET"},
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		e := newEnforcer(t, New(db, table))
		p, _ := e.GetPolicy()
		assertRules(t, "after commit", p, "admin,/admin/*,*", "alice,/new/:id,GET", "alice,/new/:id,PUT")
		assertEnforce(t, e, false, "alice", "/data/1", "GET")
		assertEnforce(t, e, true, "alice", "/new/1", "PUT")
		assertEnforce(t, e, true, "zed", "/admin/a", "GET")
		// g rows of the same subject are a different ptype and must survive.
		g, _ := e.GetGroupingPolicy()
		assertRules(t, "grouping", g, "bob,admin", "zed,admin")
	})
}

func TestReplaceSubjectStandalone(t *testing.T) {
	eachBackend(t, func(t *testing.T, db gdb.DB, table string) {
		seed(t, db, table)
		a := New(db, table)
		ctx := t.Context()

		// Without a ctx transaction it opens its own; nil rules = revoke all.
		if err := a.ReplaceSubject(ctx, "p", "alice", nil); err != nil {
			t.Fatal(err)
		}
		assertRules(t, "alice revoked", loadRules(t, ctx, a), "admin,/admin/*,*")

		before := dumpRows(t, ctx, db, table)
		bad := [][][]string{
			{{"alice", "/x", "GET"}, {"mallory", "/x", "GET"}}, // foreign subject
			{{}}, // empty rule
			{{"alice", "1", "2", "3", "4", "5", "6"}}, // too many fields
		}
		for _, rules := range bad {
			if err := a.ReplaceSubject(ctx, "p", "alice", rules); err == nil {
				t.Fatalf("ReplaceSubject(%q) should fail", rules)
			}
		}
		if err := a.ReplaceSubject(ctx, "p", "", nil); err == nil {
			t.Fatal("empty subject should fail")
		}
		if after := dumpRows(t, ctx, db, table); !reflect.DeepEqual(after, before) {
			t.Fatalf("rejected calls changed the table:\n before %q\n after  %q", before, after)
		}
	})
}

// TestSavePolicyCtxRollback shows the other ctx-aware writes join the
// caller's transaction too, not just ReplaceSubject.
func TestSavePolicyCtxRollback(t *testing.T) {
	eachBackend(t, func(t *testing.T, db gdb.DB, table string) {
		seed(t, db, table)
		a := New(db, table)
		ctx := t.Context()
		before := dumpRows(t, ctx, db, table)

		errAbort := errors.New("abort")
		err := db.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			if err := a.SavePolicyCtx(ctx, newModel(t)); err != nil {
				return err
			}
			if err := a.AddPolicyCtx(ctx, "p", "p", []string{"x", "/y", "GET"}); err != nil {
				return err
			}
			return errAbort
		})
		if !errors.Is(err, errAbort) {
			t.Fatalf("transaction error = %v, want abort", err)
		}
		if after := dumpRows(t, ctx, db, table); !reflect.DeepEqual(after, before) {
			t.Fatalf("rollback leaked writes:\n before %q\n after  %q", before, after)
		}
	})
}
