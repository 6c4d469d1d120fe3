package hostop_test

import (
	"context"
	"testing"
	"time"

	"kami/internal/logic/derp/hostop"
)

// Drain starts an op as soon as its server has a free slot: while one host hangs, another
// host's 8 converges all run, 4 at a time (PerServer), where RunOnce's rounds would hold the
// second 4 until the hung op ended. Cancelling ends the hung exec and Drain returns.
func TestDrainDoesNotWaitForTheSlowestHost(t *testing.T) {
	slow, fast := newRig(t), newRig(t)
	slow.run() // the prepares
	fast.run()
	slowOp := slow.converge(slow.container(20001, "running"))
	var ops []int64
	for i := 0; i < 8; i++ {
		ops = append(ops, fast.converge(fast.container(20100+i, "running")))
	}
	slow.fake.Stall(time.Hour) // honours the exec's context
	w := *slow.w
	w.Servers = []int64{slow.srv.Id, fast.srv.Id}
	slow.clk.Advance(time.Minute) // the fast rig's ops are due on this worker's clock too

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ran := make(chan int, 1)
	go func() {
		n, err := w.Drain(ctx)
		if err != nil && ctx.Err() == nil {
			t.Error(err)
		}
		ran <- n
	}()
	deadline := time.Now().Add(20 * time.Second)
	for _, id := range ops {
		for fast.op(id).State != "done" {
			if time.Now().After(deadline) {
				t.Fatalf("op %d of the fast host is %s while the slow host hangs", id, fast.op(id).State)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	if st := slow.op(slowOp).State; st != "running" {
		t.Fatalf("the hung op is %s, want still running", st)
	}
	if n := fast.fake.MaxConcurrent(); n > hostop.PerServer {
		t.Fatalf("%d execs at once on one host, the cap is %d", n, hostop.PerServer)
	}
	cancel()
	select {
	case n := <-ran:
		if n != 9 {
			t.Fatalf("Drain ran %d ops, want 9", n)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Drain did not return after its context ended")
	}
}
