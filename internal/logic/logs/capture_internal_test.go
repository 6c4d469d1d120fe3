package logs

import (
	"context"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/glog"
)

// The handler never blocks and never feeds on its own writer: entries logged under the
// writer's quiet context are not queued, information is not queued, and a full queue drops
// (and counts) instead of waiting.
func TestCaptureNeitherBlocksNorRecurses(t *testing.T) {
	s := New()
	entry := func(level int, msg string) *glog.HandlerInput {
		return &glog.HandlerInput{Level: level, Content: msg, Time: time.Now()}
	}
	ctx := context.Background()
	cases := []struct {
		name   string
		ctx    context.Context
		in     *glog.HandlerInput
		queued bool
		module string
	}{
		{"warning", ctx, entry(glog.LEVEL_WARN, "settings: reload failed"), true, "settings"},
		{"error without a prefix", ctx, entry(glog.LEVEL_ERRO, "Something Broke: badly"), true, "kami"},
		{"critical", ctx, entry(glog.LEVEL_CRIT, "job: gave up"), true, "job"},
		{"information", ctx, entry(glog.LEVEL_INFO, "logs: fine"), false, ""},
		{"the writer's own failure", quiet(ctx), entry(glog.LEVEL_WARN, "logs: 3 system log entries not stored"), false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s.Capture(c.ctx, c.in)
			select {
			case e := <-s.sys.queue:
				if !c.queued || e.module != c.module {
					t.Fatalf("queued %+v", e)
				}
			default:
				if c.queued {
					t.Fatal("not queued")
				}
			}
		})
	}
	for i := 0; i < captureQueue+10; i++ {
		s.Capture(ctx, entry(glog.LEVEL_WARN, "flood: again"))
	}
	if len(s.sys.queue) != captureQueue || s.sys.dropped != 10 {
		t.Fatalf("queue %d dropped %d", len(s.sys.queue), s.sys.dropped)
	}
}
