package host

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Timeouts of §8: a command 60 s, an image pull 300 s.
const (
	CmdTimeout  = 60 * time.Second
	PullTimeout = 300 * time.Second
)

// MinDockerVersion is the oldest daemon Prepare accepts (major, minor).
var MinDockerVersion = [2]int{20, 10}

// Docker drives docker on a host through a Runner.
type Docker struct {
	Runner Runner
}

func (d Docker) exec(ctx context.Context, t Target, op string, c Cmd) (Result, error) {
	if c.Timeout == 0 {
		c.Timeout = CmdTimeout
	}
	res, err := d.Runner.Run(ctx, t, c)
	if err != nil {
		return res, transport(op, err)
	}
	return res, classify(op, res)
}

// PrepareSpec is what Prepare installs on a host.
type PrepareSpec struct {
	HostDir string
	IPv4    string
	CertPEM []byte
	KeyPEM  []byte
	Image   string
}

// Prepared is what Prepare learned about the host.
type Prepared struct {
	DockerVersion string
	Iface         string
	HostKeySHA256 string
}

// Prepare makes a host ready (idempotent, §8): docker ≥ 20.10, the cert dir, the cert and key,
// the image, a derper new enough to fail closed, and the default-route interface.
func (d Docker) Prepare(ctx context.Context, t Target, p PrepareSpec) (Prepared, error) {
	var out Prepared
	res, err := d.exec(ctx, t, "prepare:version", Cmd{Argv: VersionArgv})
	out.HostKeySHA256 = res.HostKeySHA256
	if err != nil {
		return out, err
	}
	out.DockerVersion = strings.TrimSpace(string(res.Stdout))
	if !versionAtLeast(out.DockerVersion, MinDockerVersion) {
		return out, &Error{Kind: ImageError, Op: "prepare:version", Msg: "docker " + out.DockerVersion + " < 20.10"}
	}
	if _, err := d.exec(ctx, t, "prepare:mkdir", Cmd{Argv: MkdirArgv(p.HostDir)}); err != nil {
		return out, err
	}
	crt, key := CertPaths(p.HostDir, p.IPv4)
	if _, err := d.exec(ctx, t, "prepare:cert", Cmd{Argv: UploadArgv(crt), Stdin: p.CertPEM}); err != nil {
		return out, err
	}
	if _, err := d.exec(ctx, t, "prepare:key", Cmd{Argv: UploadArgv(key), Stdin: p.KeyPEM}); err != nil {
		return out, err
	}
	if _, err := d.exec(ctx, t, "prepare:pull", Cmd{Argv: PullArgv(p.Image), Timeout: PullTimeout}); err != nil {
		return out, err
	}
	// derper -h prints its usage on stderr and may exit 0 or 2: only the text matters.
	res, err = d.exec(ctx, t, "prepare:help", Cmd{Argv: HelpArgv(p.Image)})
	if !bytes.Contains(res.Stdout, []byte(HelpFlag)) && !bytes.Contains(res.Stderr, []byte(HelpFlag)) {
		if err != nil && KindOf(err) != Retryable || err != nil && res.Exit == 0 {
			return out, err // no image, or the host went away
		}
		return out, &Error{Kind: ImageError, Op: "prepare:help", Msg: "IMAGE_TOO_OLD: derper lacks " + HelpFlag}
	}
	res, err = d.exec(ctx, t, "prepare:route", Cmd{Argv: RouteArgv})
	if err != nil {
		return out, err
	}
	out.Iface = DefaultIface(res.Stdout)
	return out, nil
}

// versionAtLeast compares "20.10.24"-style versions by major and minor.
func versionAtLeast(v string, min [2]int) bool {
	parts := strings.SplitN(strings.TrimPrefix(v, "v"), ".", 3)
	if len(parts) < 2 {
		return false
	}
	maj, err1 := strconv.Atoi(parts[0])
	mnr, err2 := strconv.Atoi(strings.TrimLeftFunc(parts[1], func(r rune) bool { return r < '0' || r > '9' }))
	if err1 != nil || err2 != nil {
		return false
	}
	return maj > min[0] || maj == min[0] && mnr >= min[1]
}

// DefaultIface is the interface of the 00000000 destination in /proc/net/route ("" if none).
func DefaultIface(route []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(route))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[1] == "00000000" {
			return f[0]
		}
	}
	return ""
}

// State is a container as docker inspect sees it.
type State struct {
	Status    string // created, running, exited, paused, restarting, dead
	Spec      string
	StartedAt string
}

// Inspect reads one container; a missing one is a NotFound error.
func (d Docker) Inspect(ctx context.Context, t Target, cid int64) (State, error) {
	res, err := d.exec(ctx, t, "inspect", Cmd{Argv: InspectArgv(cid)})
	if err != nil {
		return State{}, err
	}
	f := strings.Fields(string(res.Stdout))
	if len(f) < 1 {
		return State{}, &Error{Kind: Retryable, Op: "inspect", Msg: "empty inspect output"}
	}
	st := State{Status: f[0]}
	if len(f) >= 2 && f[1] != "<no" {
		st.Spec = f[1]
	}
	if len(f) >= 3 {
		st.StartedAt = f[len(f)-1]
	}
	return st, nil
}

// Run creates and starts the container of s; it returns docker's container id and the spec hash.
func (d Docker) Run(ctx context.Context, t Target, s Spec) (id, spec string, err error) {
	argv, spec := RunArgv(s)
	res, err := d.exec(ctx, t, "run", Cmd{Argv: argv})
	if err != nil {
		return "", spec, err
	}
	return strings.TrimSpace(string(res.Stdout)), spec, nil
}

// Start starts a created or exited container.
func (d Docker) Start(ctx context.Context, t Target, cid int64) error {
	_, err := d.exec(ctx, t, "start", Cmd{Argv: StartArgv(cid)})
	return err
}

// Stop stops a container with a 10 s grace.
func (d Docker) Stop(ctx context.Context, t Target, cid int64) error {
	_, err := d.exec(ctx, t, "stop", Cmd{Argv: StopArgv(cid)})
	return err
}

// Remove force-removes a container; one already gone is success.
func (d Docker) Remove(ctx context.Context, t Target, cid int64) error {
	_, err := d.exec(ctx, t, "remove", Cmd{Argv: RemoveArgv(cid)})
	if KindOf(err) == NotFound {
		return nil
	}
	return err
}

// Listed is one managed container of `docker ps -a`.
type Listed struct {
	CID   int64
	State string
	Spec  string
}

// List is every managed container on the host (Reconcile's input).
func (d Docker) List(ctx context.Context, t Target) ([]Listed, error) {
	res, err := d.exec(ctx, t, "list", Cmd{Argv: ListArgv})
	if err != nil {
		return nil, err
	}
	var out []Listed
	sc := bufio.NewScanner(bytes.NewReader(res.Stdout))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		cid, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			continue // a container labelled by hand: not ours to judge
		}
		l := Listed{CID: cid, State: f[1]}
		if len(f) >= 3 {
			l.Spec = f[2]
		}
		out = append(out, l)
	}
	return out, nil
}

// Readout is one traffic round of a host.
type Readout struct {
	Unix       int64
	Host       *Counters
	Containers []ContainerCounters
	Errors     map[int64]string
}

// Counters are interface byte counters.
type Counters struct {
	Iface  string
	Rx, Tx int64
}

// ContainerCounters are one container's eth0 counters since StartedAt.
type ContainerCounters struct {
	CID       int64
	StartedAt string
	Rx, Tx    int64
}

// Readout runs the readout script once for the whole host.
func (d Docker) Readout(ctx context.Context, t Target, iface string) (Readout, error) {
	res, err := d.exec(ctx, t, "readout", Cmd{Argv: ReadoutArgv(iface)})
	if err != nil {
		return Readout{}, err
	}
	return ParseReadout(res.Stdout)
}

// ParseReadout reads the T/H/C/E lines; unknown lines are skipped, a missing T is an error.
func ParseReadout(b []byte) (Readout, error) {
	var r Readout
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		switch {
		case f[0] == "T" && len(f) == 2:
			r.Unix, _ = strconv.ParseInt(f[1], 10, 64)
		case f[0] == "H" && len(f) == 4:
			rx, e1 := strconv.ParseInt(f[2], 10, 64)
			tx, e2 := strconv.ParseInt(f[3], 10, 64)
			if e1 == nil && e2 == nil {
				r.Host = &Counters{Iface: f[1], Rx: rx, Tx: tx}
			}
		case f[0] == "C" && len(f) == 5:
			cid, e0 := strconv.ParseInt(f[1], 10, 64)
			rx, e1 := strconv.ParseInt(f[3], 10, 64)
			tx, e2 := strconv.ParseInt(f[4], 10, 64)
			if e0 == nil && e1 == nil && e2 == nil {
				r.Containers = append(r.Containers, ContainerCounters{CID: cid, StartedAt: f[2], Rx: rx, Tx: tx})
			}
		case f[0] == "E" && len(f) >= 3:
			if cid, err := strconv.ParseInt(f[1], 10, 64); err == nil {
				if r.Errors == nil {
					r.Errors = map[int64]string{}
				}
				r.Errors[cid] = strings.Join(f[2:], " ")
			}
		}
	}
	if r.Unix == 0 {
		return r, &Error{Kind: Retryable, Op: "readout", Msg: fmt.Sprintf("no T line in %d bytes", len(b))}
	}
	return r, nil
}
