package proxy

import (
	"context"
	"errors"
	"testing"
	"time"

	"kami/utility/ratelimit"
)

// pace sleeps what the limiter says and asks again; it gives up past maxPaceWait (the call is
// then not sent), and a store that cannot answer lets the call through.
func TestPace(t *testing.T) {
	ctx := context.Background()
	script := func(rs ...ratelimit.Result) func(context.Context) (ratelimit.Result, error) {
		return func(context.Context) (ratelimit.Result, error) {
			r := rs[0]
			rs = rs[1:]
			return r, nil
		}
	}
	var slept []time.Duration
	sleep := func(_ context.Context, d time.Duration) error { slept = append(slept, d); return nil }

	err := pace(ctx, script(ratelimit.Result{RetryAfter: 300 * time.Millisecond}, ratelimit.Result{RetryAfter: 50 * time.Millisecond},
		ratelimit.Result{Allowed: true}), sleep)
	if err != nil || len(slept) != 2 || slept[0] != 300*time.Millisecond || slept[1] != 50*time.Millisecond {
		t.Fatalf("waited %v: %v", slept, err)
	}
	slept = nil
	err = pace(ctx, script(ratelimit.Result{RetryAfter: 3 * time.Second}, ratelimit.Result{RetryAfter: 3 * time.Second}), sleep)
	if !errors.Is(err, errPaced) || len(slept) != 1 {
		t.Fatalf("past the bound: %v after %v", err, slept)
	}
	down := func(context.Context) (ratelimit.Result, error) { return ratelimit.Result{}, errors.New("redis down") }
	if err := pace(ctx, down, sleep); err != nil {
		t.Fatalf("store down: %v", err)
	}
}
