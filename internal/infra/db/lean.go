package db

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2"
	"github.com/gogf/gf/v2/database/gdb"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

// gdbTracer is the instrumentation name gf's own statement spans carry (testkit.CountOps
// counts statements by it).
const gdbTracer = "github.com/gogf/gf/v2/database/gdb"

// leanable says whether a statement may skip gf's DoCommit: plain statements and queries
// outside debug and dry-run, with no per-statement timeouts configured. gf's DoCommit first
// renders every statement with its arguments into one string by regular expression — for its
// SQL log and span attributes, both unused here outside debug — which was 11 % of the relay's
// CPU on MariaDB; the rest of it (timestamps, the Sql record, span attributes) is bookkeeping
// for the same two uses.
func (d *kamiDB) leanable(in gdb.DoCommitInput) bool {
	if in.Link == nil || (in.Type != gdb.SqlTypeExecContext && in.Type != gdb.SqlTypeQueryContext) {
		return false
	}
	if debug.Load() || d.GetDebug() || d.GetDryRun() {
		return false
	}
	c := d.GetConfig()
	return c.ExecTimeout == 0 && c.QueryTimeout == 0
}

// commitLean runs a statement as gf's DoCommit does, without its rendering: a span under
// gf's instrumentation name, the driver call, the rows read into a gdb.Result, a driver panic
// turned into an error.
func (d *kamiDB) commitLean(ctx context.Context, in gdb.DoCommitInput) (out gdb.DoCommitOutput, err error) {
	defer func() {
		if p := recover(); p != nil && err == nil {
			err = fmt.Errorf("database driver panicked: %v", p)
		}
	}()
	ctx, span := otel.GetTracerProvider().Tracer(gdbTracer, trace.WithInstrumentationVersion(gf.VERSION)).
		Start(ctx, string(in.Type), trace.WithSpanKind(trace.SpanKindClient))
	defer span.End()
	if in.Type == gdb.SqlTypeExecContext {
		res, err := in.Link.ExecContext(ctx, in.Sql, in.Args...)
		out.Result, out.RawResult = res, res
		return out, err
	}
	rows, err := in.Link.QueryContext(ctx, in.Sql, in.Args...)
	if err != nil {
		return out, err
	}
	out.RawResult = rows
	out.Records, err = d.GetCore().RowsToResult(ctx, rows)
	return out, err
}
