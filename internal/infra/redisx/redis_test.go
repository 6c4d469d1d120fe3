package redisx

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/gogf/gf/v2/database/gredis"

	"kami/internal/config"
)

// The embedded store runs TTLs on the wall clock: a key is there right after it is set and is
// gone once its TTL (plus at most one tick) has passed, with no FastForward from anyone.
func TestEmbeddedTTLRunsOnTheWallClock(t *testing.T) {
	ctx := context.Background()
	r, err := Open(ctx, config.Redis{Prefix: "kami:"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err = r.Do(ctx, "SET", "ttl-probe", "v", "PX", 300); err != nil {
		t.Fatal(err)
	}
	if v, err := r.Do(ctx, "GET", "ttl-probe"); err != nil || v.String() != "v" {
		t.Fatalf("right after SET: %v %v", v, err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		v, err := r.Do(ctx, "EXISTS", "ttl-probe")
		if err != nil {
			t.Fatal(err)
		}
		if v.Int() == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("a key with a 300 ms TTL still exists after 5 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// BenchmarkEmbeddedCommandCost: one GET with 20,000 other keys holding TTLs against one with
// 20; the ratio is the figure (182x, 7.4 ms a GET, when every command advanced every key's TTL).
func BenchmarkEmbeddedCommandCost(b *testing.B) {
	ctx := context.Background()
	run := func(keys int) time.Duration {
		m := miniredis.NewMiniRedis()
		if err := m.StartAddr("127.0.0.1:0"); err != nil {
			b.Fatal(err)
		}
		defer m.Close()
		go expireOnWallClock(m, embeddedTick)
		for i := range keys {
			m.Set(fmt.Sprint("k", i), "v")
			m.SetTTL(fmt.Sprint("k", i), time.Hour)
		}
		r, err := gredis.New(&gredis.Config{Address: m.Addr()})
		if err != nil {
			b.Fatal(err)
		}
		defer r.Close(ctx)
		start := time.Now()
		for range 2000 {
			if _, err := r.Do(ctx, "GET", "k1"); err != nil {
				b.Fatal(err)
			}
		}
		return time.Since(start) / 2000
	}
	for range b.N {
		few, many := run(20), run(20000)
		b.ReportMetric(float64(many)/float64(few), "many÷few")
		b.ReportMetric(float64(many.Microseconds()), "µs/GET-20k-keys")
	}
}
