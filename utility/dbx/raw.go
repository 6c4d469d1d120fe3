package dbx

import (
	"context"
	"database/sql"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
)

// Raw sends hand-written statements on the transaction ctx carries for the database db (the
// one a Model's Transaction or gdb.WithTX put there), else on db itself. It is for hot paths:
// gf's Model builds each statement by fuzzy-matching the data's Go field names to columns,
// looking up soft-time columns (a lookup it does not cache for tables without them) and
// converting every value, about 60 µs and 300 allocations a statement against about 15 µs
// and 40 for the statement itself (BenchmarkQuotaReserveCommit). Raw statements still pass
// the driver wrapper: times in UTC, statements counted, SQL errors redacted.
type Raw struct{ db gdb.DB }

// On is Raw on db (a dao's DB()).
func On(db gdb.DB) Raw { return Raw{db: db} }

func (r Raw) tx(ctx context.Context) gdb.TX { return gdb.TXFromCtx(ctx, r.db.GetGroup()) }

// Exec runs a statement that returns no rows.
func (r Raw) Exec(ctx context.Context, sql string, args ...any) (sql.Result, error) {
	if tx := r.tx(ctx); tx != nil {
		return tx.Exec(sql, args...)
	}
	return r.db.Exec(ctx, sql, args...)
}

// Affected runs a statement and answers how many rows it changed: a guarded UPDATE's verdict.
func (r Raw) Affected(ctx context.Context, sql string, args ...any) (int64, error) {
	res, err := r.Exec(ctx, sql, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// Insert runs an INSERT and answers the new row's id.
func (r Raw) Insert(ctx context.Context, sql string, args ...any) (int64, error) {
	res, err := r.Exec(ctx, sql, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// One answers the first row of a query, or nil when there is none.
func (r Raw) One(ctx context.Context, sql string, args ...any) (gdb.Record, error) {
	if tx := r.tx(ctx); tx != nil {
		return tx.GetOne(sql, args...)
	}
	return r.db.GetOne(ctx, sql, args...)
}

// All answers every row of a query.
func (r Raw) All(ctx context.Context, sql string, args ...any) (gdb.Result, error) {
	if tx := r.tx(ctx); tx != nil {
		return tx.GetAll(sql, args...)
	}
	return r.db.GetAll(ctx, sql, args...)
}

// InsertSQL is "INSERT INTO table (cols…) VALUES (?,…)" with rows groups of placeholders.
func InsertSQL(table string, rows int, cols ...string) string {
	var b strings.Builder
	b.WriteString("INSERT INTO ")
	b.WriteString(table)
	b.WriteString(" (")
	b.WriteString(strings.Join(cols, ", "))
	b.WriteString(") VALUES ")
	group := "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")"
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(group)
	}
	return b.String()
}
