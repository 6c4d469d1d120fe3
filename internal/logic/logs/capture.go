package logs

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gctx"
	"github.com/gogf/gf/v2/os/glog"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/utility/text"
)

// The system log is fed by a glog handler on the process logger: every warning, error and
// critical entry is queued without blocking (a full queue drops the entry and counts it, so a
// logging storm never slows a request) and one writer goroutine inserts the queue in batches.
// The writer's own database calls run under a quiet context the handler skips, so a database
// that is down produces one line on the console per failed batch, never a loop of entries
// about failing to store entries.

const (
	captureQueue = 4096        // entries waiting for the writer
	captureBatch = 200         // rows per INSERT
	captureEvery = time.Second // how long an entry waits at most
	maxMessage   = 8000        // characters kept of a message and its stack
)

type quietKey struct{}

// quiet marks ctx as the writer's: its log entries are not captured again.
func quiet(ctx context.Context) context.Context { return context.WithValue(ctx, quietKey{}, true) }

type captured struct {
	level, module, message, trace string
	at                            time.Time
}

type capture struct {
	queue   chan captured
	mu      sync.Mutex // guards dropped, stop and done
	dropped int
	stop    chan struct{}
	done    chan struct{}
}

func newCapture() *capture { return &capture{queue: make(chan captured, captureQueue)} }

var modulePrefix = regexp.MustCompile(`^([a-z][a-zA-Z0-9_.-]{0,31}): `)

// Capture is the glog handler (boot installs it after EscapeLog): it queues the warnings and
// errors and always passes the entry on.
func (s *sLogs) Capture(ctx context.Context, in *glog.HandlerInput) {
	if in.Level >= glog.LEVEL_WARN && in.Level <= glog.LEVEL_FATA && (ctx == nil || ctx.Value(quietKey{}) == nil) {
		msg := in.Content
		if len(in.Values) > 0 {
			msg = strings.TrimSpace(msg + " " + in.ValuesContent())
		}
		module := "kami"
		if m := modulePrefix.FindStringSubmatch(msg); m != nil {
			module = m[1]
		}
		if in.Stack != "" {
			msg += "\n" + in.Stack
		}
		s.sys.push(captured{level: levelName(in.Level), module: module, message: text.Truncate(msg, maxMessage), trace: in.TraceId, at: in.Time})
	}
	in.Next(ctx)
}

// Note puts an operations event (a backup written, a restore approved) into the system log at
// level info: the process log's info lines are not stored, these are.
func (s *sLogs) Note(ctx context.Context, module, message string) {
	s.sys.push(captured{level: "info", module: module, message: text.Truncate(message, maxMessage), trace: gctx.CtxId(ctx), at: s.clock.Now()})
}

// push queues e, or drops and counts it when the queue is full: never blocks the caller.
func (c *capture) push(e captured) {
	select {
	case c.queue <- e:
	default:
		c.mu.Lock()
		c.dropped++
		c.mu.Unlock()
	}
}

func levelName(l int) string {
	switch {
	case l >= glog.LEVEL_CRIT:
		return "critical"
	case l >= glog.LEVEL_ERRO:
		return "error"
	}
	return "warning"
}

// StartCapture starts the writer; entries logged before it wait in the queue.
func (s *sLogs) StartCapture(ctx context.Context) {
	c := s.sys
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stop != nil {
		return
	}
	c.stop, c.done = make(chan struct{}), make(chan struct{})
	go s.write(quiet(context.WithoutCancel(ctx)), c.stop, c.done)
}

// StopCapture writes what is queued and ends the writer.
func (s *sLogs) StopCapture() {
	c := s.sys
	c.mu.Lock()
	stop, done := c.stop, c.done
	c.stop, c.done = nil, nil
	c.mu.Unlock()
	if stop != nil {
		close(stop)
		<-done
	}
}

func (s *sLogs) write(ctx context.Context, stop, done chan struct{}) {
	defer close(done)
	tick := time.NewTicker(captureEvery)
	defer tick.Stop()
	batch := make([]captured, 0, captureBatch)
	for {
		select {
		case e := <-s.sys.queue:
			if batch = append(batch, e); len(batch) >= captureBatch {
				batch = s.flush(ctx, batch)
			}
		case <-tick.C:
			batch = s.flush(ctx, batch)
		case <-stop:
			for {
				select {
				case e := <-s.sys.queue:
					if batch = append(batch, e); len(batch) >= captureBatch {
						batch = s.flush(ctx, batch)
					}
				default:
					s.flush(ctx, batch)
					return
				}
			}
		}
	}
}

// flush inserts batch (and a note of the entries dropped since the last flush) and returns it
// emptied. A failed insert loses the batch: the entries are on the console already, and
// retrying would grow the backlog while the database is away.
func (s *sLogs) flush(ctx context.Context, batch []captured) []captured {
	s.sys.mu.Lock()
	dropped := s.sys.dropped
	s.sys.dropped = 0
	s.sys.mu.Unlock()
	if dropped > 0 {
		batch = append(batch, captured{level: "warning", module: "logs", at: s.clock.Now(),
			message: "logs: " + strconv.Itoa(dropped) + " system log entries dropped (queue full)"})
	}
	if len(batch) == 0 {
		return batch
	}
	node := ""
	if s.cfg != nil {
		node = s.cfg().NodeID
	}
	rows := make([]do.SystemLogs, len(batch))
	for i, e := range batch {
		rows[i] = do.SystemLogs{Level: e.level, Module: e.module, Message: e.message, TraceId: e.trace,
			Node: node, CreatedAt: gtime.New(e.at.UTC())}
	}
	if _, err := dao.SystemLogs.Ctx(ctx).Data(rows).Insert(); err != nil {
		g.Log().Warningf(ctx, "logs: %d system log entries not stored: %v", len(rows), err)
	}
	return batch[:0]
}
