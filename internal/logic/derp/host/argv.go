package host

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// Labels and names every managed container carries; Reconcile lists by LabelManaged.
const (
	LabelManaged = "io.kami.derp"
	LabelCID     = "io.kami.derp.cid"
	LabelRID     = "io.kami.derp.rid"
	LabelSpec    = "io.kami.derp.spec"
	NamePrefix   = "kami-derp-"
	DefaultDir   = "/opt/kami-derp"
	// HelpFlag is what `derper -h` must mention: without it the container could not fail closed.
	HelpFlag = "-verify-client-url-fail-open"
)

// Spec is one container's desired shape; everything in the run argv comes from here.
type Spec struct {
	ContainerID  int64
	RentalID     int64
	Port         int
	Image        string // image@digest
	HostDir      string // default DefaultDir
	IPv4         string // the server's public IPv4: hostname and cert file name
	AdmitBaseURL string // kami.derp.admitBaseUrl, no trailing slash
	Token        string // the admission token (admit package)
}

// ContainerName is the docker name of container cid.
func ContainerName(cid int64) string { return NamePrefix + strconv.FormatInt(cid, 10) }

func hostDir(d string) string {
	if d == "" {
		return DefaultDir
	}
	return strings.TrimRight(d, "/")
}

// RunArgv is the exact `docker run` argv of derp.md §8 and its spec hash. Flags are -flag=value
// because a bare `false` after a bool flag is read by derper as a positional argument.
func RunArgv(s Spec) (argv []string, spec string) {
	cid := strconv.FormatInt(s.ContainerID, 10)
	port := strconv.Itoa(s.Port)
	head := []string{"docker", "run", "-d", "--name", ContainerName(s.ContainerID), "--restart", "unless-stopped",
		"--label", LabelManaged + "=1", "--label", LabelCID + "=" + cid,
		"--label", LabelRID + "=" + strconv.FormatInt(s.RentalID, 10)}
	tail := []string{"-p", port + ":" + port + "/tcp", "-p", port + ":" + port + "/udp",
		"-v", hostDir(s.HostDir) + "/certs:/certs:ro", "--memory", "128m", "--pids-limit", "256",
		"--log-opt", "max-size=10m", "--log-opt", "max-file=2", "--entrypoint", "/app/derper", s.Image,
		"-a=:" + port, "-http-port=-1", "-stun-port=" + port, "-hostname=" + s.IPv4, "-certmode=manual",
		"-certdir=/certs", "-c=/var/lib/derper/derper.key",
		"-verify-client-url=" + strings.TrimRight(s.AdmitBaseURL, "/") + "/api/derp/admit/" + s.Token,
		"-verify-client-url-fail-open=false"}
	spec = SpecHash(append(append([]string{}, head...), tail...))
	argv = append(append(append([]string{}, head...), "--label", LabelSpec+"="+spec), tail...)
	return argv, spec
}

// SpecHash is the first 12 hex of SHA-256 over the NUL-joined argv (without the spec label), so a
// changed image, port, token or address changes the hash and Converge recreates the container.
func SpecHash(argvWithoutSpec []string) string {
	sum := sha256.Sum256([]byte(strings.Join(argvWithoutSpec, "\x00")))
	return hex.EncodeToString(sum[:])[:12]
}

// Fixed argv of the other operations; the fake recognizes exactly these.
var (
	VersionArgv = []string{"docker", "version", "--format", "{{.Server.Version}}"}
	RouteArgv   = []string{"cat", "/proc/net/route"}
	ListArgv    = []string{"docker", "ps", "-a", "--filter", "label=" + LabelManaged + "=1", "--format",
		`{{.Label "` + LabelCID + `"}} {{.State}} {{.Label "` + LabelSpec + `"}}`}
	InspectFormat = `{{.State.Status}} {{index .Config.Labels "` + LabelSpec + `"}} {{.State.StartedAt}}`
)

// MkdirArgv creates the cert directory.
func MkdirArgv(dir string) []string { return []string{"mkdir", "-p", hostDir(dir) + "/certs"} }

// UploadScript writes stdin to path atomically and private (umask 077, tmp + rename).
func UploadScript(path string) string {
	return fmt.Sprintf("umask 077; cat > %s.tmp && mv -f %s.tmp %s", path, path, path)
}

// UploadArgv is the cert/key upload exec; the PEM goes on stdin.
func UploadArgv(path string) []string { return []string{"sh", "-c", UploadScript(path)} }

// CertPaths are where derper's manual cert mode looks: <certdir>/<hostname>.crt|.key.
func CertPaths(dir, ipv4 string) (crt, key string) {
	base := hostDir(dir) + "/certs/" + ipv4
	return base + ".crt", base + ".key"
}

func PullArgv(image string) []string { return []string{"docker", "pull", image} }
func HelpArgv(image string) []string {
	return []string{"docker", "run", "--rm", "--entrypoint", "/app/derper", image, "-h"}
}
func InspectArgv(cid int64) []string {
	return []string{"docker", "inspect", "--format", InspectFormat, ContainerName(cid)}
}
func StartArgv(cid int64) []string  { return []string{"docker", "start", ContainerName(cid)} }
func StopArgv(cid int64) []string   { return []string{"docker", "stop", "-t", "10", ContainerName(cid)} }
func RemoveArgv(cid int64) []string { return []string{"docker", "rm", "-f", ContainerName(cid)} }

// ReadoutArgv runs ReadoutScript with the host interface as $1 ("" skips the H line).
func ReadoutArgv(iface string) []string {
	return []string{"sh", "-c", ReadoutScript, "kami-readout", iface}
}
