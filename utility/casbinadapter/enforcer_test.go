package casbinadapter

import (
	"testing"

	"github.com/casbin/casbin/v2"
	"github.com/gogf/gf/v2/database/gdb"
)

func seed(t *testing.T, db gdb.DB, table string) {
	t.Helper()
	insertRaw(t, db, table, "p", "alice", "/data/:id", "GET")
	insertRaw(t, db, table, "p", "admin", "/admin/*", "*")
	insertRaw(t, db, table, "g", "bob", "admin")
}

func mustOK(t *testing.T, ok bool, err error) {
	t.Helper()
	if err != nil || !ok {
		t.Fatalf("enforcer op: ok=%v err=%v", ok, err)
	}
}

// reload builds an independent enforcer on a new adapter, proving the
// change reached the database rather than just the first enforcer's memory.
func reload(t *testing.T, db gdb.DB, table string) *casbin.Enforcer {
	t.Helper()
	return newEnforcer(t, New(db, table))
}

func TestEnforcerLoadAndEnforce(t *testing.T) {
	eachBackend(t, func(t *testing.T, db gdb.DB, table string) {
		seed(t, db, table)
		e := newEnforcer(t, New(db, table))
		assertEnforce(t, e, true, "alice", "/data/1", "GET")
		assertEnforce(t, e, false, "alice", "/data/1", "POST")
		assertEnforce(t, e, false, "alice", "/admin/users", "GET")
		assertEnforce(t, e, true, "bob", "/admin/users", "DELETE") // via role + "*"
		assertEnforce(t, e, false, "bob", "/data/1", "GET")
		assertEnforce(t, e, false, "carol", "/data/1", "GET")
	})
}

func TestEnforcerAutoSave(t *testing.T) {
	eachBackend(t, func(t *testing.T, db gdb.DB, table string) {
		seed(t, db, table)
		e := newEnforcer(t, New(db, table))

		ok, err := e.AddPolicy("alice", "/data/:id", "POST")
		mustOK(t, ok, err)
		ok, err = e.AddGroupingPolicy("carol", "admin")
		mustOK(t, ok, err)
		e2 := reload(t, db, table)
		assertEnforce(t, e2, true, "alice", "/data/7", "POST")
		assertEnforce(t, e2, true, "carol", "/admin/x", "PUT")

		ok, err = e.RemovePolicy("alice", "/data/:id", "POST")
		mustOK(t, ok, err)
		e2 = reload(t, db, table)
		assertEnforce(t, e2, false, "alice", "/data/7", "POST")
		assertEnforce(t, e2, true, "alice", "/data/7", "GET")

		// Batch paths go through AddPolicies/RemovePolicies (BatchAdapter).
		batch := [][]string{{"dave", "/r/:id", "GET"}, {"dave", "/r/:id", "PUT"}}
		ok, err = e.AddPolicies(batch)
		mustOK(t, ok, err)
		e2 = reload(t, db, table)
		assertEnforce(t, e2, true, "dave", "/r/1", "PUT")
		ok, err = e.RemovePolicies(batch)
		mustOK(t, ok, err)
		e2 = reload(t, db, table)
		assertEnforce(t, e2, false, "dave", "/r/1", "GET")
		p, _ := e2.GetPolicy()
		assertRules(t, "policies after batch remove", p, "alice,/data/:id,GET", "admin,/admin/*,*")
	})
}

func TestEnforcerRemoveFiltered(t *testing.T) {
	eachBackend(t, func(t *testing.T, db gdb.DB, table string) {
		seed(t, db, table)
		insertRaw(t, db, table, "p", "alice", "/data/:id", "DELETE")
		insertRaw(t, db, table, "p", "erin", "/data/:id", "GET")
		insertRaw(t, db, table, "p", "erin", "/other", "GET")
		e := newEnforcer(t, New(db, table))

		ok, err := e.RemoveFilteredPolicy(0, "alice")
		mustOK(t, ok, err)
		e2 := reload(t, db, table)
		p, _ := e2.GetPolicy()
		assertRules(t, "after filter v0", p, "admin,/admin/*,*", "erin,/data/:id,GET", "erin,/other,GET")

		// Empty value = wildcard: remove every rule on /data/:id regardless of subject.
		ok, err = e.RemoveFilteredPolicy(0, "", "/data/:id")
		mustOK(t, ok, err)
		e2 = reload(t, db, table)
		p, _ = e2.GetPolicy()
		assertRules(t, "after filter v1", p, "admin,/admin/*,*", "erin,/other,GET")
		g, _ := e2.GetGroupingPolicy()
		assertRules(t, "grouping untouched", g, "bob,admin")

		if err := New(db, table).RemoveFilteredPolicy("p", "p", 4, "a", "b", "c"); err == nil {
			t.Fatal("filter past the last column should fail")
		}
	})
}

func TestEnforcerSavePolicyRoundTrip(t *testing.T) {
	eachBackend(t, func(t *testing.T, db gdb.DB, table string) {
		seed(t, db, table)
		e := newEnforcer(t, New(db, table))
		// Diverge memory from the DB, then persist everything at once.
		e.EnableAutoSave(false)
		_, _ = e.RemovePolicy("alice", "/data/:id", "GET")
		_, _ = e.AddPolicy("frank", "/f/:id", "GET")
		_, _ = e.AddGroupingPolicy("gina", "admin")
		if err := e.SavePolicy(); err != nil {
			t.Fatal(err)
		}
		want, _ := e.GetPolicy()
		wantG, _ := e.GetGroupingPolicy()

		e2 := reload(t, db, table)
		got, _ := e2.GetPolicy()
		gotG, _ := e2.GetGroupingPolicy()
		assertRules(t, "p round trip", got, sortedRules(want)...)
		assertRules(t, "g round trip", gotG, sortedRules(wantG)...)
		assertEnforce(t, e2, false, "alice", "/data/1", "GET")
		assertEnforce(t, e2, true, "gina", "/admin/a", "GET")

		// Saving an emptied model must empty the table (stale rows gone).
		e2.ClearPolicy()
		if err := e2.SavePolicy(); err != nil {
			t.Fatal(err)
		}
		if rows := dumpRows(t, t.Context(), db, table); len(rows) != 0 {
			t.Fatalf("table not emptied: %q", rows)
		}
	})
}

func TestLoadTrimsTrailingEmptyFields(t *testing.T) {
	eachBackend(t, func(t *testing.T, db gdb.DB, table string) {
		// Legitimately empty last value: trimming alone would leave 2 fields
		// and Casbin would reject the rule, so it must be padded back.
		insertRaw(t, db, table, "p", "alice", "/x", "")
		insertRaw(t, db, table, "p", "bob", "", "GET") // inner empty kept
		insertRaw(t, db, table, "g", "bob", "admin")
		insertRaw(t, db, table, "p", "bob", "", "GET") // duplicate row is skipped
		e := newEnforcer(t, New(db, table))
		p, _ := e.GetPolicy()
		for _, r := range p {
			if len(r) != 3 {
				t.Fatalf("rule %q has %d fields, want 3", r, len(r))
			}
		}
		assertRules(t, "loaded", p, "alice,/x,", "bob,,GET")
		g, _ := e.GetGroupingPolicy()
		assertRules(t, "grouping", g, "bob,admin")
	})
}

func TestLoadUnknownPtypeFails(t *testing.T) {
	eachBackend(t, func(t *testing.T, db gdb.DB, table string) {
		insertRaw(t, db, table, "p2", "x", "y", "z")
		if err := New(db, table).LoadPolicy(newModel(t)); err == nil {
			t.Fatal("rule for a ptype missing from the model should be reported")
		}
	})
}
