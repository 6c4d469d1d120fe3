package hostop_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/clock"
	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/logic/derp/host"
	"kami/internal/logic/derp/host/hostfake"
	"kami/internal/logic/derp/hostop"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

const image = "derper@sha256:" + "11"

type rig struct {
	t     *testing.T
	clk   *clock.Fake
	fake  *hostfake.Docker
	ssh   *hostfake.SSHServer
	srv   v1.ServerItem
	w     *hostop.Worker
	admin *testkit.Client
}

func uniqueIPv4() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1<<24-2))
	v := n.Int64() + 1
	return fmt.Sprintf("127.%d.%d.%d", v>>16&255, v>>8&255, max(v&255, 1))
}

// newRig registers a server over HTTP pointing at an SSH fake, so the real SSH adapter runs.
func newRig(t *testing.T) *rig {
	t.Helper()
	clk := clock.NewFake(time.Now().UTC().Add(time.Hour).Truncate(time.Second))
	f := hostfake.New(clk.Now)
	s, err := hostfake.StartSSH(f, hostfake.SSHConfig{User: "root", Password: "pw"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	r := &rig{t: t, clk: clk, fake: f, ssh: s, admin: testkit.Current().Admin(t)}
	r.admin.Post(t, "/api/derp/servers", map[string]any{"name": "lab", "region": "lab", "regionName": "Lab",
		"publicIpv4": uniqueIPv4(), "sshHost": "127.0.0.1", "sshPort": s.Port, "sshAuth": "password", "sshSecret": "pw"}).
		Expect(t, http.StatusOK).Decode(t, &r.srv)
	ssh := host.NewSSH()
	t.Cleanup(ssh.Close)
	r.w = &hostop.Worker{Runner: ssh, Clock: clk, Owner: "test", Image: image, Servers: []int64{r.srv.Id},
		AdmitBaseURL: func(context.Context) string { return "http://127.0.0.1:8000/" },
		Token:        func(cid int64, gen int) string { return fmt.Sprintf("%d.gen%d", cid, gen) }}
	return r
}

func (r *rig) run() int {
	r.t.Helper()
	n, err := r.w.RunOnce(context.Background())
	if err != nil {
		r.t.Fatal(err)
	}
	return n
}

func (r *rig) server() *entity.DerpServers {
	var s *entity.DerpServers
	_ = dao.DerpServers.Ctx(context.Background()).WherePri(r.srv.Id).Scan(&s)
	return s
}

func (r *rig) container(port int, desired string) int64 {
	r.t.Helper()
	id, err := dao.DerpContainers.Ctx(context.Background()).Data(do.DerpContainers{RentalId: 7, ServerId: r.srv.Id,
		HaIndex: 1, Port: port, Desired: desired, State: "pending"}).InsertAndGetId()
	if err != nil {
		r.t.Fatal(err)
	}
	return id
}

func (r *rig) converge(cid int64) int64 {
	r.t.Helper()
	id, err := dao.DerpHostOps.Ctx(context.Background()).Data(do.DerpHostOps{ServerId: r.srv.Id, ContainerId: cid,
		Op: "converge", State: "pending", NextRunAt: gtime.NewFromTime(r.clk.Now())}).InsertAndGetId()
	if err != nil {
		r.t.Fatal(err)
	}
	return id
}

func (r *rig) op(id int64) *entity.DerpHostOps {
	var o *entity.DerpHostOps
	_ = dao.DerpHostOps.Ctx(context.Background()).WherePri(id).Scan(&o)
	return o
}

func (r *rig) ctr(id int64) *entity.DerpContainers {
	var c *entity.DerpContainers
	_ = dao.DerpContainers.Ctx(context.Background()).WherePri(id).Scan(&c)
	return c
}

func (r *rig) spec(cid int64, port int) host.Spec {
	return host.Spec{ContainerID: cid, RentalID: 7, Port: port, Image: r.w.Image, IPv4: r.srv.PublicIpv4,
		AdmitBaseURL: "http://127.0.0.1:8000", Token: fmt.Sprintf("%d.gen1", cid)}
}

// Registration's prepare runs through the real SSH adapter: the host key is learned (TOFU), the
// cert and its key are uploaded, and the host is ready; then converging twice runs the golden
// argv exactly once.
func TestPrepareAndConvergeOverSSH(t *testing.T) {
	r := newRig(t)
	if n := r.run(); n != 1 {
		t.Fatalf("ran %d ops, want the registration's prepare", n)
	}
	s := r.server()
	if s.HostState != "ready" || s.SshHostkeySha256 != r.ssh.HostKeySHA256 || s.HostkeyTofu != 1 || s.HostIface != "eth0" {
		t.Fatalf("after prepare: state %s key %q tofu %d iface %q err %q", s.HostState, s.SshHostkeySha256, s.HostkeyTofu, s.HostIface, s.LastError)
	}
	crt, _ := r.fake.File("/opt/kami-derp/certs/" + s.PublicIpv4 + ".crt")
	key, _ := r.fake.File("/opt/kami-derp/certs/" + s.PublicIpv4 + ".key")
	want, _ := keyring.Open("derp.server.certkey", s.CertKeyEnc)
	if string(crt) != s.CertPem || string(key) != string(want) {
		t.Fatal("the cert or its key did not reach the host intact")
	}
	cid := r.container(20001, "running")
	op1, op2 := r.converge(cid), r.converge(cid)
	r.run()
	if o1, o2 := r.op(op1), r.op(op2); o1.State != "done" || o2.State != "done" {
		t.Fatalf("ops %s/%s: %s %s", o1.State, o2.State, o1.LastError, o2.LastError)
	}
	argv, spec := host.RunArgv(r.spec(cid, 20001))
	runs := 0
	for _, c := range r.fake.Calls() {
		if strings.HasPrefix(c.Line(), "docker run -d") {
			runs++
			if strings.Join(c.Argv, "\x00") != strings.Join(argv, "\x00") {
				t.Fatalf("run argv %q\nwant %q", c.Argv, argv)
			}
		}
	}
	if runs != 1 {
		t.Fatalf("%d docker runs for two converges, want 1", runs)
	}
	if c := r.ctr(cid); c.State != "running" || c.SpecHash != spec {
		t.Fatalf("container %+v", c)
	}
	// A new image recreates it: rm -f, then run.
	r.w.Image = image + "22"
	r.converge(cid)
	r.run()
	if n := r.fake.Count("docker rm -f " + host.ContainerName(cid)); n != 1 || r.fake.Count("docker run -d") != 2 {
		t.Fatalf("image change: %d rm, %d runs", n, r.fake.Count("docker run -d"))
	}
	// desired stopped → stop; desired removed → rm -f and removed.
	_, _ = dao.DerpContainers.Ctx(context.Background()).Data(g.Map{"desired": "stopped"}).WherePri(cid).Update()
	r.converge(cid)
	r.run()
	if st, _, _ := r.fake.ContainerState(cid); st != "exited" || r.ctr(cid).State != "stopped" {
		t.Fatalf("stop: fake %s, row %s", st, r.ctr(cid).State)
	}
	_, _ = dao.DerpContainers.Ctx(context.Background()).Data(g.Map{"desired": "removed"}).WherePri(cid).Update()
	r.converge(cid)
	r.run()
	if st, _, _ := r.fake.ContainerState(cid); st != "" || r.ctr(cid).State != "removed" {
		t.Fatalf("remove: fake %q, row %s", st, r.ctr(cid).State)
	}
}

// A reply lost after docker run took effect does not run it again; an unreachable host backs
// off and then succeeds; past 12 attempts the op is dead and the container failed.
func TestLostReplyBackoffAndDead(t *testing.T) {
	r := newRig(t)
	r.run()
	cid := r.container(20002, "running")
	r.fake.DropAfterExec("docker run")
	op := r.converge(cid)
	r.run()
	o := r.op(op)
	if o.State != "pending" || o.Attempts != 1 || o.LastError == "" {
		t.Fatalf("after a lost reply: %+v", o)
	}
	wait := o.NextRunAt.Time.Sub(r.clk.Now())
	if wait < 8*time.Second || wait > 12*time.Second {
		t.Fatalf("first backoff %v, want 10 s ±20 %%", wait)
	}
	if n := r.run(); n != 0 {
		t.Fatal("an op ran before its backoff")
	}
	r.clk.Advance(13 * time.Second)
	r.run()
	if o := r.op(op); o.State != "done" || r.fake.Count("docker run -d") != 1 {
		t.Fatalf("after retry: %s, %d runs", o.State, r.fake.Count("docker run -d"))
	}

	r.fake.Down()
	cid2 := r.container(20003, "running")
	op2 := r.converge(cid2)
	r.run()
	r.clk.Advance(13 * time.Second)
	r.run()
	if o := r.op(op2); o.State != "pending" || o.Attempts != 2 {
		t.Fatalf("down: %+v", o)
	}
	r.fake.Up()
	r.clk.Advance(25 * time.Second)
	r.run()
	if o := r.op(op2); o.State != "done" || r.ctr(cid2).State != "running" {
		t.Fatalf("after up: %+v", o)
	}

	r.fake.Down()
	cid3 := r.container(20004, "running")
	op3 := r.converge(cid3)
	_, _ = dao.DerpHostOps.Ctx(context.Background()).Data(g.Map{"attempts": hostop.MaxAttempts - 1}).WherePri(op3).Update()
	r.run()
	if o, c := r.op(op3), r.ctr(cid3); o.State != "dead" || c.State != "failed" {
		t.Fatalf("past the attempts: op %s, container %s", o.State, c.State)
	}
}

// A changed host key stops the host (error, HOSTKEY_MISMATCH) and kills the op without retries;
// an op older than the container's op_gen is superseded; no admit URL → the op waits.
func TestHostKeyMismatchSupersededAndAdmitUnset(t *testing.T) {
	r := newRig(t)
	r.run()
	cid := r.container(20005, "running")
	_, _ = dao.DerpContainers.Ctx(context.Background()).Data(g.Map{"op_gen": 2}).WherePri(cid).Update()
	old := r.converge(cid)
	r.run()
	if o := r.op(old); o.State != "superseded" {
		t.Fatalf("old op %s", o.State)
	}
	r.w.AdmitBaseURL = func(context.Context) string { return "" }
	cid2 := r.container(20006, "running")
	op := r.converge(cid2)
	r.run()
	if o := r.op(op); o.State != "pending" || o.Attempts != 0 || o.LastError != hostop.ErrAdmitUnset {
		t.Fatalf("admit unset: %+v", o)
	}
	if err := r.ssh.RotateHostKey(); err != nil {
		t.Fatal(err)
	}
	ssh := host.NewSSH() // a fresh pool: the next dial sees the new key
	t.Cleanup(ssh.Close)
	r.w.Runner = ssh
	var p v1.HostOpItem
	r.admin.Post(t, "/api/derp/servers/"+fmt.Sprint(r.srv.Id)+"/prepare", nil).Expect(t, http.StatusOK).Decode(t, &p)
	r.clk.Advance(time.Minute)
	r.run()
	s := r.server()
	if o := r.op(p.Id); o.State != "dead" || o.Attempts != 1 || s.HostState != "error" || s.LastError != hostop.ErrHostKey {
		t.Fatalf("mismatch: op %s/%d, server %s %q", o.State, o.Attempts, s.HostState, s.LastError)
	}
}

func TestBackoffBounds(t *testing.T) {
	for n, want := range map[int]time.Duration{1: 10 * time.Second, 2: 20 * time.Second, 5: 160 * time.Second, 12: 30 * time.Minute, 40: 30 * time.Minute} {
		for i := 0; i < 20; i++ {
			if d := hostop.Backoff(n); d < want*8/10 || d > want*12/10 {
				t.Fatalf("Backoff(%d) = %v, want %v ±20%%", n, d, want)
			}
		}
	}
}

// Reconcile removes an orphan, queues a converge for a desired-running container the host lost,
// and recomputes container_count.
func TestReconcile(t *testing.T) {
	r := newRig(t)
	r.run()
	r.fake.Plant(999000111, "running", "orphan")
	cid := r.container(20007, "running")
	gone := r.container(20008, "running")
	_, _ = dao.DerpContainers.Ctx(context.Background()).Data(g.Map{"state": "removed"}).WherePri(gone).Update()
	r.fake.Plant(gone, "exited", "old")
	id, err := dao.DerpHostOps.Ctx(context.Background()).Data(do.DerpHostOps{ServerId: r.srv.Id, Op: "reconcile",
		State: "pending", NextRunAt: gtime.NewFromTime(r.clk.Now())}).InsertAndGetId()
	if err != nil {
		t.Fatal(err)
	}
	r.run()
	if o := r.op(id); o.State != "done" {
		t.Fatalf("reconcile %s: %s", o.State, o.LastError)
	}
	if st, _, _ := r.fake.ContainerState(999000111); st != "" {
		t.Fatal("orphan kept")
	}
	if st, _, _ := r.fake.ContainerState(gone); st != "" {
		t.Fatal("a removed container's leftover kept")
	}
	if s := r.server(); s.ContainerCount != 1 {
		t.Fatalf("container_count %d", s.ContainerCount)
	}
	r.run() // the queued converge
	if st, _, _ := r.fake.ContainerState(cid); st != "running" || r.ctr(cid).State != "running" {
		t.Fatalf("missing container not converged: %q", st)
	}
}
