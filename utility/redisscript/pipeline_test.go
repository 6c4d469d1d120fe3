package redisscript_test

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"kami/internal/testkit/redistest"
	"kami/utility/redisscript"
)

// incrBy adds ARGV[1] to KEYS[1] and answers {new value, ARGV[1]}: a reply per caller that
// says whose it is, so a batch that delivered answers to the wrong callers shows.
var incrBy = redisscript.New(`local v = redis.call('INCRBY', KEYS[1], ARGV[1]) return {v, tonumber(ARGV[1])}`)

func TestPipelineAnswersEachCallerItsOwnReply(t *testing.T) {
	redistest.ForEach(t, "redisscript", nil, func(t *testing.T, b *redistest.Backend) {
		r := b.Client(t)
		p, err := redisscript.NewPipeline(r, 2, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		const callers = 300
		key := b.Key("sum")
		var wg sync.WaitGroup
		failures := make(chan string, callers)
		for i := 1; i <= callers; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				v, err := p.Run(ctx, incrBy, []string{key}, i)
				if err != nil {
					failures <- err.Error()
					return
				}
				if got := v.Int64s(); len(got) != 2 || got[1] != int64(i) || got[0] < int64(i) {
					failures <- "caller " + strconv.Itoa(i) + " got " + v.String()
				}
			}()
		}
		wg.Wait()
		close(failures)
		for f := range failures {
			t.Error(f)
		}
		total, err := r.Do(ctx, "GET", key)
		if err != nil || total.Int64() != callers*(callers+1)/2 {
			t.Fatalf("sum %v (%v), want %d: a call was lost or run twice", total, err, callers*(callers+1)/2)
		}
	})
}

func TestPipelineResendsTheSourceAfterScriptFlush(t *testing.T) {
	redistest.ForEach(t, "redisscript", nil, func(t *testing.T, b *redistest.Backend) {
		r := b.Client(t)
		p, err := redisscript.NewPipeline(r, 1, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if _, err = r.Do(ctx, "SCRIPT", "FLUSH"); err != nil {
			t.Fatal(err)
		}
		v, err := p.Run(ctx, incrBy, []string{b.Key("n")}, 5)
		if err != nil || v.Int64s()[0] != 5 {
			t.Fatalf("after SCRIPT FLUSH: %v %v", v, err)
		}
	})
}

func TestPipelineReportsAnUnreachableServer(t *testing.T) {
	r := redistest.NewClient(t, redistest.ClosedAddr(t))
	p, err := redisscript.NewPipeline(r, 1, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := p.Run(context.Background(), incrBy, []string{"k"}, 1); err == nil {
		t.Fatalf("a closed port answered %v", v)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err = p.Run(ctx, incrBy, []string{"k"}, 1); err == nil {
		t.Fatal("a cancelled call answered without error")
	}
}
