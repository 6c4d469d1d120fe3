// Package casbinadapter persists Casbin policies in the application's own
// database through GoFrame's gdb.
//
// Going through gdb (instead of a separate ORM-backed adapter) lets policy
// writes share the caller's transaction: every statement is built with
// db.Model(table).Ctx(ctx), and gdb routes statements whose ctx carries a
// transaction (see gdb.TXFromCtx / gdb.WithTX, populated by
// DB.Transaction) through that transaction's connection.
package casbinadapter

import (
	"context"
	"fmt"
	"sort"

	"github.com/casbin/casbin/v2/model"
	"github.com/casbin/casbin/v2/persist"
	"github.com/gogf/gf/v2/database/gdb"
)

// DefaultTable is used when New is given an empty table name.
const DefaultTable = "casbin_rule"

// maxValues is the number of v* columns in the table; Casbin rules longer
// than this cannot be stored and are rejected instead of silently truncated.
const maxValues = 6

// insertBatch bounds rows per INSERT so SavePolicy on a large model does not
// hit placeholder limits (SQLite's default is low).
const insertBatch = 100

var valueColumns = [maxValues]string{"v0", "v1", "v2", "v3", "v4", "v5"}

// Adapter is a Casbin adapter storing rules in a casbin_rule-shaped table.
// It holds no mutable state, so one instance can be shared by goroutines.
type Adapter struct {
	db    gdb.DB
	table string
}

// Compile-time proof that the Casbin interfaces the enforcers look for
// (plain, batch, and the context-aware variants) are all satisfied.
var (
	_ persist.Adapter             = (*Adapter)(nil)
	_ persist.BatchAdapter        = (*Adapter)(nil)
	_ persist.ContextAdapter      = (*Adapter)(nil)
	_ persist.ContextBatchAdapter = (*Adapter)(nil)
)

// New returns an adapter over db using table (DefaultTable if empty).
// The table is expected to exist already (it is owned by migrations).
func New(db gdb.DB, table string) *Adapter {
	if table == "" {
		table = DefaultTable
	}
	return &Adapter{db: db, table: table}
}

// query builds a fresh model bound to ctx. Binding ctx is what makes gdb
// pick up a transaction stored in ctx, so never cache or reuse models.
func (a *Adapter) query(ctx context.Context) *gdb.Model {
	return a.db.Model(a.table).Ctx(ctx)
}

// inTx runs f atomically. gdb's default propagation (Required) joins a
// transaction already present in ctx instead of opening a nested one, so the
// caller's rollback also undoes our writes.
func (a *Adapter) inTx(ctx context.Context, f func(ctx context.Context) error) error {
	return a.db.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		return f(ctx)
	})
}

// rowData maps a rule onto table columns; unused trailing columns get ”
// because the columns are NOT NULL and ” is what LoadPolicy trims.
func rowData(ptype string, rule []string) (gdb.Map, error) {
	if ptype == "" {
		return nil, fmt.Errorf("casbinadapter: empty ptype")
	}
	if len(rule) > maxValues {
		return nil, fmt.Errorf("casbinadapter: rule %v has %d fields, at most %d are supported", rule, len(rule), maxValues)
	}
	row := gdb.Map{"ptype": ptype}
	for i, col := range valueColumns {
		v := ""
		if i < len(rule) {
			v = rule[i]
		}
		row[col] = v
	}
	return row, nil
}

func rowsData(ptype string, rules [][]string) (gdb.List, error) {
	rows := make(gdb.List, 0, len(rules))
	for _, rule := range rules {
		row, err := rowData(ptype, rule)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func (a *Adapter) insertRows(ctx context.Context, rows gdb.List) error {
	if len(rows) == 0 {
		return nil // gdb rejects an empty insert; nothing to do anyway.
	}
	_, err := a.query(ctx).Data(rows).Batch(insertBatch).Insert()
	return err
}

// SavePolicy replaces the whole table with the model's rules, atomically.
func (a *Adapter) SavePolicy(m model.Model) error {
	return a.SavePolicyCtx(context.Background(), m)
}

// SavePolicyCtx is SavePolicy joining ctx's transaction if present.
func (a *Adapter) SavePolicyCtx(ctx context.Context, m model.Model) error {
	var rows gdb.List
	for _, sec := range []string{"p", "g"} {
		// Sort ptypes so ids (and thus load order) are deterministic.
		ptypes := make([]string, 0, len(m[sec]))
		for ptype := range m[sec] {
			ptypes = append(ptypes, ptype)
		}
		sort.Strings(ptypes)
		for _, ptype := range ptypes {
			r, err := rowsData(ptype, m[sec][ptype].Policy)
			if err != nil {
				return err
			}
			rows = append(rows, r...)
		}
	}
	return a.inTx(ctx, func(ctx context.Context) error {
		// gdb refuses a DELETE without condition as a safety net; say "all" explicitly.
		if _, err := a.query(ctx).Where("1=1").Delete(); err != nil {
			return err
		}
		return a.insertRows(ctx, rows)
	})
}

// AddPolicy stores one rule (Casbin auto-save).
func (a *Adapter) AddPolicy(sec, ptype string, rule []string) error {
	return a.AddPolicyCtx(context.Background(), sec, ptype, rule)
}

// AddPolicyCtx is AddPolicy joining ctx's transaction if present.
func (a *Adapter) AddPolicyCtx(ctx context.Context, _ string, ptype string, rule []string) error {
	row, err := rowData(ptype, rule)
	if err != nil {
		return err
	}
	_, err = a.query(ctx).Data(row).Insert()
	return err
}

// AddPolicies stores several rules atomically (Casbin auto-save).
func (a *Adapter) AddPolicies(sec, ptype string, rules [][]string) error {
	return a.AddPoliciesCtx(context.Background(), sec, ptype, rules)
}

// AddPoliciesCtx is AddPolicies joining ctx's transaction if present.
func (a *Adapter) AddPoliciesCtx(ctx context.Context, _ string, ptype string, rules [][]string) error {
	rows, err := rowsData(ptype, rules)
	if err != nil {
		return err
	}
	// A transaction because Batch may split the insert into several statements.
	return a.inTx(ctx, func(ctx context.Context) error { return a.insertRows(ctx, rows) })
}

// RemovePolicy deletes the rows equal to rule (Casbin auto-save).
func (a *Adapter) RemovePolicy(sec, ptype string, rule []string) error {
	return a.RemovePolicyCtx(context.Background(), sec, ptype, rule)
}

// RemovePolicyCtx is RemovePolicy joining ctx's transaction if present.
// All columns are matched (unused ones as ”), so removing [a b] does not
// also remove a longer rule [a b c] that shares the prefix.
func (a *Adapter) RemovePolicyCtx(ctx context.Context, _ string, ptype string, rule []string) error {
	where, err := rowData(ptype, rule)
	if err != nil {
		return err
	}
	_, err = a.query(ctx).Where(where).Delete()
	return err
}

// RemovePolicies deletes several rules atomically (Casbin auto-save).
func (a *Adapter) RemovePolicies(sec, ptype string, rules [][]string) error {
	return a.RemovePoliciesCtx(context.Background(), sec, ptype, rules)
}

// RemovePoliciesCtx is RemovePolicies joining ctx's transaction if present.
func (a *Adapter) RemovePoliciesCtx(ctx context.Context, sec string, ptype string, rules [][]string) error {
	return a.inTx(ctx, func(ctx context.Context) error {
		for _, rule := range rules {
			if err := a.RemovePolicyCtx(ctx, sec, ptype, rule); err != nil {
				return err
			}
		}
		return nil
	})
}

// RemoveFilteredPolicy deletes rules whose fields starting at fieldIndex
// match fieldValues; an empty value means "any" (Casbin semantics).
func (a *Adapter) RemoveFilteredPolicy(sec, ptype string, fieldIndex int, fieldValues ...string) error {
	return a.RemoveFilteredPolicyCtx(context.Background(), sec, ptype, fieldIndex, fieldValues...)
}

// RemoveFilteredPolicyCtx is RemoveFilteredPolicy joining ctx's transaction if present.
func (a *Adapter) RemoveFilteredPolicyCtx(ctx context.Context, _ string, ptype string, fieldIndex int, fieldValues ...string) error {
	if ptype == "" {
		return fmt.Errorf("casbinadapter: empty ptype")
	}
	if fieldIndex < 0 || fieldIndex+len(fieldValues) > maxValues {
		return fmt.Errorf("casbinadapter: filter at index %d with %d values exceeds %d columns", fieldIndex, len(fieldValues), maxValues)
	}
	where := gdb.Map{"ptype": ptype}
	for i, v := range fieldValues {
		if v != "" {
			where[valueColumns[fieldIndex+i]] = v
		}
	}
	_, err := a.query(ctx).Where(where).Delete()
	return err
}

// ReplaceSubject makes rules the complete set of ptype rows for subject
// (stored in v0): existing rows are deleted and rules inserted, atomically,
// inside ctx's transaction when there is one. It only touches the database;
// enforcers must reload (LoadPolicy) after the transaction commits to see
// the change, since their in-memory model is not updated here.
func (a *Adapter) ReplaceSubject(ctx context.Context, ptype, subject string, rules [][]string) error {
	// An empty subject would match every row stored with v0 = ''.
	if subject == "" {
		return fmt.Errorf("casbinadapter: empty subject")
	}
	for _, rule := range rules {
		if len(rule) == 0 || rule[0] != subject {
			return fmt.Errorf("casbinadapter: rule %v does not belong to subject %q", rule, subject)
		}
	}
	rows, err := rowsData(ptype, rules)
	if err != nil {
		return err
	}
	return a.inTx(ctx, func(ctx context.Context) error {
		if _, err := a.query(ctx).Where(gdb.Map{"ptype": ptype, "v0": subject}).Delete(); err != nil {
			return err
		}
		return a.insertRows(ctx, rows)
	})
}
