package host

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestClassify(t *testing.T) {
	cases := []struct {
		stderr string
		want   Kind
	}{
		{"Error: No such container: kami-derp-1", NotFound},
		{"Error: No such object: kami-derp-1", NotFound},
		{"Bind for 0.0.0.0:20007 failed: port is already allocated", PortConflict},
		{"listen udp 0.0.0.0:20007: bind: address already in use", PortConflict},
		{`Conflict. The container name "/kami-derp-1" is already in use by container "abc"`, NameConflict},
		{"manifest unknown", ImageError},
		{"Cannot connect to the Docker daemon", Retryable},
	}
	for _, c := range cases {
		if got := KindOf(classify("op", Result{Exit: 1, Stderr: []byte(c.stderr)})); got != c.want {
			t.Errorf("%q → %s, want %s", c.stderr, got, c.want)
		}
	}
	if classify("op", Result{Exit: 0, Stderr: []byte("No such container")}) != nil {
		t.Error("exit 0 is success whatever stderr says")
	}
	if !Permanent(&Error{Kind: HostKeyMismatch}) || Permanent(&Error{Kind: PortConflict}) {
		t.Error("permanence")
	}
}

func TestDefaultIfaceAndVersion(t *testing.T) {
	route := "Iface\tDestination\tGateway\nens5\t0000A8C0\t00000000\nens3\t00000000\t0101A8C0\n"
	if got := DefaultIface([]byte(route)); got != "ens3" {
		t.Fatalf("iface %q", got)
	}
	for v, ok := range map[string]bool{"20.10.24": true, "24.0.7": true, "19.03.15": false, "20.9": false, "": false, "x.y": false} {
		if versionAtLeast(v, MinDockerVersion) != ok {
			t.Errorf("version %q", v)
		}
	}
}

func TestParseReadout(t *testing.T) {
	r, err := ParseReadout([]byte("T 1700000000\nH eth0 100 200\nC 5 2026-01-01T00:00:00Z 10 20\nE 6 no-eth0\njunk\n"))
	if err != nil || r.Unix != 1700000000 || r.Host == nil || r.Host.Rx != 100 || r.Host.Tx != 200 ||
		len(r.Containers) != 1 || r.Containers[0].CID != 5 || r.Containers[0].Tx != 20 || r.Errors[6] != "no-eth0" {
		t.Fatalf("%+v %v", r, err)
	}
	if _, err := ParseReadout([]byte("H eth0 1 2\n")); KindOf(err) != Retryable {
		t.Fatal("a readout without T must fail")
	}
}

// The readout script itself runs under /bin/sh against a fixture /proc and a stub docker (§8), so
// the T/H/C/E lines the parser expects are what real hosts print.
func TestReadoutScriptUnderSh(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no /bin/sh")
	}
	dir := t.TempDir()
	proc := filepath.Join(dir, "proc")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	netdev := func(iface string, rx, tx string) string {
		return "Inter-|   Receive                            |  Transmit\n face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets\n" +
			"    lo: 5 1 0 0 0 0 0 0 5 1 0 0 0 0 0 0\n" +
			"  " + iface + ": " + rx + " 10 0 0 0 0 0 0 " + tx + " 20 0 0 0 0 0 0\n"
	}
	must(os.MkdirAll(filepath.Join(proc, "net"), 0o755))
	must(os.MkdirAll(filepath.Join(proc, "111", "net"), 0o755))
	must(os.MkdirAll(filepath.Join(proc, "222"), 0o755))
	must(os.WriteFile(filepath.Join(proc, "net", "dev"), []byte(netdev("ens3", "1000", "2000")), 0o644))
	must(os.WriteFile(filepath.Join(proc, "111", "net", "dev"), []byte(netdev("eth0", "300", "400")), 0o644))
	bin := filepath.Join(dir, "bin")
	must(os.MkdirAll(bin, 0o755))
	stub := "#!/bin/sh\ncase \"$1\" in\nps) echo aaa; echo bbb;;\ninspect) echo \"5 111 2026-01-01T00:00:00Z\"; echo \"6 222 2026-01-02T00:00:00Z\";;\nesac\n"
	must(os.WriteFile(filepath.Join(bin, "docker"), []byte(stub), 0o755))
	argv := ReadoutArgv("ens3")
	cmd := exec.Command("sh", argv[1:]...)
	cmd.Env = append(os.Environ(), "DERP_PROC_ROOT="+proc, "PATH="+bin+":"+os.Getenv("PATH"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	r, err := ParseReadout(out)
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r.Host == nil || r.Host.Iface != "ens3" || r.Host.Rx != 1000 || r.Host.Tx != 2000 {
		t.Fatalf("host %+v in %s", r.Host, out)
	}
	if len(r.Containers) != 1 || r.Containers[0] != (ContainerCounters{CID: 5, StartedAt: "2026-01-01T00:00:00Z", Rx: 300, Tx: 400}) {
		t.Fatalf("containers %+v in %s", r.Containers, out)
	}
	if r.Errors[6] == "" {
		t.Fatalf("container 6 without eth0 must be an E line: %s", out)
	}
}
