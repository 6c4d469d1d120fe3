package db

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/gogf/gf/contrib/drivers/mysql/v2"
	"github.com/gogf/gf/contrib/drivers/sqlite/v2"
	"github.com/gogf/gf/v2/database/gdb"
)

// The mysql and sqlite drivers are registered again, wrapped once: gf keeps one driver per
// name, so every adjustment of what reaches the driver lives in kamiDB.
//   - DoFilter: time arguments in UTC (utctime.go);
//   - DoCommit: outside debug, a failed statement's error names the SQL without its arguments
//     (sqlerror.go), and plain statements skip gf's rendering of them (lean.go).
func init() {
	// Runs after the drivers' own init (they are imported), so these replace them.
	_ = gdb.Register("mysql", kamiDriver{mysql.New()}) // never fails: it only stores
	_ = gdb.Register("sqlite", kamiDriver{sqlite.New()})
}

// debug mirrors kami.debug: with it a failed statement's error keeps its arguments. Boot sets
// it once (SetDebug); read on every failed statement, so it is atomic.
var debug atomic.Bool

// SetDebug says whether failed statements keep their arguments in the error (kami.debug).
func SetDebug(on bool) { debug.Store(on) }

type kamiDriver struct{ inner gdb.Driver }

func (d kamiDriver) New(core *gdb.Core, node *gdb.ConfigNode) (gdb.DB, error) {
	db, err := d.inner.New(core, node)
	if err != nil {
		return nil, err
	}
	return &kamiDB{DB: db}, nil
}

type kamiDB struct{ gdb.DB }

func (d *kamiDB) DoFilter(ctx context.Context, link gdb.Link, sql string, args []any) (string, []any, error) {
	for i, a := range args {
		args[i] = utcArg(a)
	}
	return d.DB.DoFilter(ctx, link, sql, args)
}

func (d *kamiDB) DoCommit(ctx context.Context, in gdb.DoCommitInput) (gdb.DoCommitOutput, error) {
	count(ctx, in.Type, in.Sql)
	var out gdb.DoCommitOutput
	var err error
	if d.leanable(in) {
		out, err = d.commitLean(ctx, in)
	} else {
		out, err = d.DB.DoCommit(ctx, in)
	}
	if err == nil || errors.Is(err, sql.ErrNoRows) || debug.Load() {
		return out, err
	}
	return out, redactSQLError(err, in.Sql)
}

// Statement counts of this process, for benchmarks that prove a hot path reads nothing
// (openapi: repeat verifications) and for the metrics.
var all Meter

// Meter counts statements: the process's, or those sent under a context a hot path marked
// with WithMeter, so a benchmark tells the requests' own reads from the background pollers'.
type Meter struct {
	reads, writes atomic.Int64
	readSQL       sync.Map // statement text → *atomic.Int64; a context meter's reads only
}

// Reads is how often each reading statement was sent under the meter's contexts so far: a test
// proves which tables a hot path reads (relay.md §8: no SELECT on relay_* or users).
func (m *Meter) Reads() map[string]int64 {
	out := map[string]int64{}
	m.readSQL.Range(func(k, v any) bool {
		out[k.(string)] = v.(*atomic.Int64).Load()
		return true
	})
	return out
}

// Statements is how many reading and writing statements were counted so far.
func (m *Meter) Statements() (read, written int64) { return m.reads.Load(), m.writes.Load() }

type meterKey struct{}

// WithMeter makes the statements sent under ctx count on m too (one meter per context).
func WithMeter(ctx context.Context, m *Meter) context.Context {
	return context.WithValue(ctx, meterKey{}, m)
}

func count(ctx context.Context, t gdb.SqlType, sql string) {
	all.add(t)
	if m, ok := ctx.Value(meterKey{}).(*Meter); ok {
		if m.add(t) {
			n, _ := m.readSQL.LoadOrStore(sql, new(atomic.Int64))
			n.(*atomic.Int64).Add(1)
		}
	}
}

// add counts a statement of type t and answers whether it was a read.
func (m *Meter) add(t gdb.SqlType) bool {
	switch t {
	case gdb.SqlTypeQueryContext, gdb.SqlTypeStmtQueryContext, gdb.SqlTypeStmtQueryRowContext:
		m.reads.Add(1)
		return true
	case gdb.SqlTypeExecContext, gdb.SqlTypeStmtExecContext:
		m.writes.Add(1)
	}
	return false
}

// Statements is how many reading and writing statements this process sent so far.
func Statements() (read, written int64) { return all.Statements() }
