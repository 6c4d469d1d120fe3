package redisscript

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/gogf/gf/v2/container/gvar"
	"github.com/gogf/gf/v2/database/gredis"
	"github.com/gogf/gf/v2/util/gconv"
	goredis "github.com/redis/go-redis/v9"
)

// Pipeline runs scripts for many concurrent callers through shared pipelines (group commit):
// while up to `lanes` pipelines are in flight, the calls that arrive meanwhile queue and leave
// together in the next one. On a busy hot path Redis then reads and answers a batch per
// system call instead of one call per request, which is most of what it spends on small
// scripts; an idle caller still goes out at once, alone. There is no background goroutine to
// start or stop: the caller that finds a free lane sends, and a lane that finds more queued
// work when its batch returns carries on in a goroutine of its own until the queue is empty.
type Pipeline struct {
	client  goredis.UniversalClient
	lanes   int
	timeout time.Duration

	mu    sync.Mutex
	busy  int
	queue []*pcall
}

type pcall struct {
	script *Script
	keys   []string
	args   []any
	val    any
	err    error
	done   chan struct{}
}

// maxBatch keeps one pipeline's request and reply buffers small.
const maxBatch = 256

// NewPipeline sends through r's go-redis client (single node, sentinel or cluster: the
// cluster client splits a pipeline by hash slot). timeout bounds one pipeline's round trip;
// it is not the caller's context, which a batch shared with others cannot follow.
func NewPipeline(r *gredis.Redis, lanes int, timeout time.Duration) (*Pipeline, error) {
	client, ok := r.Client().(goredis.UniversalClient)
	if !ok {
		return nil, errors.New("redisscript: the Redis adapter is not go-redis")
	}
	return &Pipeline{client: client, lanes: max(1, lanes), timeout: timeout}, nil
}

// Run evaluates s with keys and args like Script.Run, batched with concurrent calls. ctx
// bounds the wait; a call abandoned by its caller may still run.
func (p *Pipeline) Run(ctx context.Context, s *Script, keys []string, args ...any) (*gvar.Var, error) {
	c := &pcall{script: s, keys: keys, args: args, done: make(chan struct{})}
	p.mu.Lock()
	p.queue = append(p.queue, c)
	if p.busy < p.lanes {
		p.busy++
		batch := p.takeLocked()
		p.mu.Unlock()
		p.send(batch)
		p.next()
	} else {
		p.mu.Unlock()
	}
	select {
	case <-c.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if c.err != nil {
		return nil, c.err
	}
	return toVar(c.val), nil
}

func (p *Pipeline) takeLocked() []*pcall {
	n := min(len(p.queue), maxBatch)
	batch := p.queue[:n:n]
	p.queue = p.queue[n:]
	if len(p.queue) == 0 {
		p.queue = nil // let the old backing array go
	}
	return batch
}

// next hands the lane to a goroutine when calls queued during the last batch, so the caller
// whose batch just returned is answered now instead of after everybody else's.
func (p *Pipeline) next() {
	p.mu.Lock()
	if len(p.queue) == 0 {
		p.busy--
		p.mu.Unlock()
		return
	}
	batch := p.takeLocked()
	p.mu.Unlock()
	go func() {
		p.send(batch)
		p.next()
	}()
}

// send runs one batch and wakes its callers. A server without the script (after a restart or
// SCRIPT FLUSH) answers NOSCRIPT per command; those are sent again with their source.
func (p *Pipeline) send(batch []*pcall) {
	ctx, cancel := context.WithTimeout(context.Background(), p.timeout)
	defer cancel()
	pipe := p.client.Pipeline()
	cmds := make([]*goredis.Cmd, len(batch))
	for i, c := range batch {
		cmds[i] = pipe.EvalSha(ctx, c.script.sha, c.keys, c.args...)
	}
	_, execErr := pipe.Exec(ctx)
	for i, c := range batch {
		c.val, c.err = cmds[i].Result()
		if c.err == nil && c.val == nil && execErr != nil {
			// Never sent (no connection): a command that ran has a value or its own error,
			// a nil reply included (goredis.Nil).
			c.err = execErr
		}
		if c.err != nil && isNoScript(c.err) {
			c.val, c.err = p.client.Eval(ctx, c.script.src, c.keys, c.args...).Result()
		}
		if errors.Is(c.err, goredis.Nil) {
			c.val, c.err = nil, nil
		}
		close(c.done)
	}
}

// toVar shapes a reply as gredis does, so a caller reads it the same way from Script.Run.
func toVar(v any) *gvar.Var {
	switch t := v.(type) {
	case []byte:
		return gvar.New(string(t))
	case []any:
		return gvar.New(gconv.Strings(t))
	}
	return gvar.New(v)
}
