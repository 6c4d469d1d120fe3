package hostfake_test

import (
	"context"
	"testing"
	"time"

	"kami/internal/logic/derp/host"
	"kami/internal/logic/derp/host/hostfake"
)

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func spec(cid int64, port int) host.Spec {
	return host.Spec{ContainerID: cid, RentalID: 9, Port: port, Image: "derper@sha256:1", IPv4: "127.0.0.1",
		AdmitBaseURL: "http://127.0.0.1:1", Token: "t"}
}

// The emulator answers host.Docker's own argv end to end: prepare, run, inspect, stop, start,
// remove, list, readout; and the knobs change exactly what they say.
func TestEmulatorLifecycle(t *testing.T) {
	ctx := context.Background()
	f := hostfake.New(func() time.Time { return t0 })
	d := host.Docker{Runner: f}
	tg := host.Target{ServerID: 1}
	p, err := d.Prepare(ctx, tg, host.PrepareSpec{IPv4: "127.0.0.1", CertPEM: []byte("CRT"), KeyPEM: []byte("KEY"), Image: "derper@sha256:1"})
	if err != nil || p.Iface != "eth0" || p.DockerVersion != "24.0.7" {
		t.Fatalf("prepare %+v %v", p, err)
	}
	if b, _ := f.File("/opt/kami-derp/certs/127.0.0.1.key"); string(b) != "KEY" {
		t.Fatalf("key upload %q", b)
	}
	if _, err := d.Inspect(ctx, tg, 5); host.KindOf(err) != host.NotFound {
		t.Fatalf("inspect of a missing container: %v", err)
	}
	_, sp, err := d.Run(ctx, tg, spec(5, 20001))
	if err != nil {
		t.Fatal(err)
	}
	st, err := d.Inspect(ctx, tg, 5)
	if err != nil || st.Status != "running" || st.Spec != sp {
		t.Fatalf("inspect %+v %v", st, err)
	}
	if _, _, err := d.Run(ctx, tg, spec(5, 20001)); host.KindOf(err) != host.NameConflict {
		t.Fatalf("second run: %v", err)
	}
	f.OccupyPort(20002)
	if _, _, err := d.Run(ctx, tg, spec(6, 20002)); host.KindOf(err) != host.PortConflict {
		t.Fatalf("occupied port: %v", err)
	}
	if err := d.Stop(ctx, tg, 5); err != nil {
		t.Fatal(err)
	}
	if st, _ := d.Inspect(ctx, tg, 5); st.Status != "exited" {
		t.Fatalf("after stop %+v", st)
	}
	if err := d.Start(ctx, tg, 5); err != nil {
		t.Fatal(err)
	}
	f.SetCounters(5, 10, 20)
	f.SetHostCounters(1000, 2000)
	r, err := d.Readout(ctx, tg, "eth0")
	if err != nil || r.Unix != t0.Unix() || r.Host == nil || r.Host.Tx != 2000 || len(r.Containers) != 1 || r.Containers[0].Tx != 20 {
		t.Fatalf("readout %+v %v", r, err)
	}
	f.Restart(5)
	if r, _ := d.Readout(ctx, tg, "eth0"); r.Containers[0].Tx != 0 {
		t.Fatalf("restart keeps counters: %+v", r)
	}
	f.Plant(77, "exited", "zzz")
	l, err := d.List(ctx, tg)
	if err != nil || len(l) != 3 || l[2].CID != 77 || l[0].CID != 5 || l[0].Spec != sp {
		t.Fatalf("list %+v %v", l, err)
	}
	if err := d.Remove(ctx, tg, 77); err != nil {
		t.Fatal(err)
	}
	if err := d.Remove(ctx, tg, 77); err != nil {
		t.Fatalf("removing a gone container is success: %v", err)
	}
}

func TestKnobs(t *testing.T) {
	ctx := context.Background()
	f := hostfake.New(func() time.Time { return t0 })
	d := host.Docker{Runner: f}
	tg := host.Target{}
	f.FailNext("docker run", 125, "Cannot connect to the Docker daemon")
	if _, _, err := d.Run(ctx, tg, spec(1, 20001)); host.KindOf(err) != host.Retryable {
		t.Fatalf("FailNext: %v", err)
	}
	if st, _, _ := f.ContainerState(1); st != "" {
		t.Fatal("a failed exec must have no effect")
	}
	f.DropAfterExec("docker run")
	if _, _, err := d.Run(ctx, tg, spec(1, 20001)); host.KindOf(err) != host.Retryable {
		t.Fatalf("drop: %v", err)
	}
	if st, _, _ := f.ContainerState(1); st != "running" {
		t.Fatal("a dropped reply still takes effect")
	}
	f.Down()
	if _, err := d.Inspect(ctx, tg, 1); host.KindOf(err) != host.Retryable {
		t.Fatalf("down: %v", err)
	}
	f.Up()
	if _, err := d.Inspect(ctx, tg, 1); err != nil {
		t.Fatal(err)
	}
	if n := f.Count("docker run -d"); n != 2 {
		t.Fatalf("calls recorded: %d", n)
	}
	f.BadImage("old")
	if _, err := d.Prepare(ctx, tg, host.PrepareSpec{IPv4: "1.2.3.4", Image: "old"}); host.KindOf(err) != host.ImageError {
		t.Fatalf("bad image: %v", err)
	}
	f.Help = "Usage of derper:\n  -verify-client-url string\n"
	if _, err := d.Prepare(ctx, tg, host.PrepareSpec{IPv4: "1.2.3.4", Image: "new"}); host.KindOf(err) != host.ImageError {
		t.Fatalf("too old a derper: %v", err)
	}
	f.Version = "19.03.1"
	if _, err := d.Prepare(ctx, tg, host.PrepareSpec{IPv4: "1.2.3.4", Image: "new"}); host.KindOf(err) != host.ImageError {
		t.Fatalf("too old a docker: %v", err)
	}
	cctx, cancel := context.WithTimeout(ctx, time.Millisecond)
	defer cancel()
	f.Stall(time.Hour)
	if _, err := d.Inspect(cctx, tg, 1); host.KindOf(err) != host.Retryable {
		t.Fatalf("stall honours the context: %v", err)
	}
}
