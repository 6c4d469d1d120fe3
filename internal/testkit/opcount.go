package testkit

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/gogf/gf/v2/net/ghttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

// OpCounter counts the SQL statements and Redis commands issued on behalf of HTTP requests
// whose path starts with a prefix, in this process. It hooks the spans gf opens for every
// statement (gdb's DoCommit) and every Redis command (gredis's Conn.Do), and attributes one
// to a request by the context it was issued under, so background work of the same process
// (jobs, workers, the shared test clock) is not counted. Tests prove "a warm call issues 0
// SQL statements and 0 Redis commands" with it (derp.md §14.6).
type OpCounter struct {
	prefix     string
	sql, redis atomic.Int64
}

// SQL and Redis are the counts so far.
func (c *OpCounter) SQL() int64   { return c.sql.Load() }
func (c *OpCounter) Redis() int64 { return c.redis.Load() }

// Reset zeroes both counts.
func (c *OpCounter) Reset() { c.sql.Store(0); c.redis.Store(0) }

// CountOps starts counting for requests under pathPrefix until the test ends.
func CountOps(t testing.TB, pathPrefix string) *OpCounter {
	c := &OpCounter{prefix: pathPrefix}
	prev := otel.GetTracerProvider()
	otel.SetTracerProvider(&countingProvider{TracerProvider: prev, c: c})
	t.Cleanup(func() { otel.SetTracerProvider(prev) })
	return c
}

type countingProvider struct {
	trace.TracerProvider
	c *OpCounter
}

func (p *countingProvider) Tracer(name string, opts ...trace.TracerOption) trace.Tracer {
	tr := p.TracerProvider.Tracer(name, opts...)
	switch {
	case strings.HasSuffix(name, "/database/gdb"):
		return &countingTracer{Tracer: tr, n: &p.c.sql, prefix: p.c.prefix}
	case strings.HasSuffix(name, "/database/gredis"):
		return &countingTracer{Tracer: tr, n: &p.c.redis, prefix: p.c.prefix}
	}
	return tr
}

type countingTracer struct {
	trace.Tracer
	n      *atomic.Int64
	prefix string
}

func (t *countingTracer) Start(ctx context.Context, name string, opts ...trace.SpanStartOption) (context.Context, trace.Span) {
	if r := ghttp.RequestFromCtx(ctx); r != nil && r.URL != nil && strings.HasPrefix(r.URL.Path, t.prefix) {
		t.n.Add(1)
	}
	return t.Tracer.Start(ctx, name, opts...)
}
