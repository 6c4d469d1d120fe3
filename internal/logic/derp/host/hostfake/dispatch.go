package hostfake

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"kami/internal/logic/derp/host"
)

var uploadRe = regexp.MustCompile(`^umask 077; cat > (\S+)\.tmp && mv -f (\S+)\.tmp (\S+)$`)

// dispatchLocked emulates one command; it understands exactly host's argv.
func (d *Docker) dispatchLocked(argv []string, stdin []byte) (string, string, int) {
	eq := func(want []string) bool { return strings.Join(argv, "\x00") == strings.Join(want, "\x00") }
	switch {
	case eq(host.VersionArgv):
		return d.Version + "\n", "", 0
	case eq(host.RouteArgv):
		return "Iface\tDestination\tGateway\tFlags\n" + d.Iface + "\t00000000\t0100A8C0\t0003\n", "", 0
	case eq(host.ListArgv):
		var b strings.Builder
		for _, id := range d.sortedIDs() {
			c := d.containers[id]
			fmt.Fprintf(&b, "%d %s %s\n", id, c.status, c.spec)
		}
		return b.String(), "", 0
	case len(argv) == 3 && argv[0] == "mkdir" && argv[1] == "-p":
		return "", "", 0
	case len(argv) == 3 && argv[0] == "sh" && argv[1] == "-c" && uploadRe.MatchString(argv[2]):
		m := uploadRe.FindStringSubmatch(argv[2])
		d.files[m[3]] = append([]byte(nil), stdin...)
		return "", "", 0
	case len(argv) == 5 && argv[0] == "sh" && argv[1] == "-c" && argv[2] == host.ReadoutScript:
		return d.readoutLocked(argv[4]), "", 0
	case len(argv) == 3 && argv[0] == "docker" && argv[1] == "pull":
		if d.badImages[argv[2]] {
			return "", "Error response from daemon: manifest unknown", 1
		}
		d.pulled[argv[2]] = true
		return "pulled\n", "", 0
	case len(argv) == 7 && eq(host.HelpArgv(argv[5])):
		if !d.pulled[argv[5]] {
			return "", "Unable to find image '" + argv[5] + "' locally", 125
		}
		return "", d.Help, 0
	case len(argv) > 3 && argv[0] == "docker" && argv[1] == "run" && argv[2] == "-d":
		return d.runLocked(argv)
	case len(argv) == 5 && argv[0] == "docker" && argv[1] == "inspect" && argv[3] == host.InspectFormat:
		c, _ := d.byName(argv[4])
		if c == nil {
			return "", "Error: No such object: " + argv[4], 1
		}
		started := c.startedAt
		if started == "" {
			started = "0001-01-01T00:00:00Z"
		}
		return fmt.Sprintf("%s %s %s\n", c.status, c.spec, started), "", 0
	case len(argv) == 3 && argv[0] == "docker" && argv[1] == "start":
		c, _ := d.byName(argv[2])
		if c == nil {
			return "", "Error response from daemon: No such container: " + argv[2], 1
		}
		if c.status != "running" {
			if d.portTakenLocked(c.port, c) {
				return "", portErr(c.port), 1
			}
			d.startLocked(c)
		}
		return argv[2] + "\n", "", 0
	case len(argv) == 5 && argv[0] == "docker" && argv[1] == "stop" && argv[2] == "-t":
		c, _ := d.byName(argv[4])
		if c == nil {
			return "", "Error response from daemon: No such container: " + argv[4], 1
		}
		c.status = "exited"
		return argv[4] + "\n", "", 0
	case len(argv) == 4 && argv[0] == "docker" && argv[1] == "rm" && argv[2] == "-f":
		c, cid := d.byName(argv[3])
		if c == nil {
			return "", "Error response from daemon: No such container: " + argv[3], 1
		}
		delete(d.containers, cid)
		return argv[3] + "\n", "", 0
	}
	return unsupported(argv)
}

func (d *Docker) byName(name string) (*container, int64) {
	cid, err := strconv.ParseInt(strings.TrimPrefix(name, host.NamePrefix), 10, 64)
	if err != nil || !strings.HasPrefix(name, host.NamePrefix) {
		return nil, 0
	}
	return d.containers[cid], cid
}

func portErr(port int) string {
	return fmt.Sprintf("Error response from daemon: driver failed programming external connectivity: Bind for 0.0.0.0:%d failed: port is already allocated", port)
}

func (d *Docker) portTakenLocked(port int, self *container) bool {
	if d.occupied[port] {
		return true
	}
	for _, c := range d.containers {
		if c != self && c.port == port && c.status == "running" {
			return true
		}
	}
	return false
}

// runLocked is `docker run -d`: like docker, a port clash leaves the container created.
func (d *Docker) runLocked(argv []string) (string, string, int) {
	var name, spec, image string
	port := 0
	for i := 3; i < len(argv)-1; i++ {
		switch argv[i] {
		case "--name":
			name = argv[i+1]
		case "--label":
			if v, ok := strings.CutPrefix(argv[i+1], host.LabelSpec+"="); ok {
				spec = v
			}
		case "-p":
			if port == 0 {
				p, _ := strconv.Atoi(strings.SplitN(argv[i+1], ":", 2)[0])
				port = p
			}
		case "--entrypoint":
			if i+2 < len(argv) {
				image = argv[i+2]
			}
		}
	}
	cid, err := strconv.ParseInt(strings.TrimPrefix(name, host.NamePrefix), 10, 64)
	if err != nil || spec == "" || port == 0 || image == "" {
		return unsupported(argv)
	}
	if d.badImages[image] {
		return "", "Unable to find image '" + image + "' locally\ndocker: Error response from daemon: manifest unknown.", 125
	}
	if _, ok := d.containers[cid]; ok {
		return "", fmt.Sprintf(`docker: Error response from daemon: Conflict. The container name "/%s" is already in use by container "x".`, name), 125
	}
	c := &container{spec: spec, status: "created", port: port, image: image}
	d.containers[cid] = c
	if d.portTakenLocked(port, c) {
		return "", "docker: " + portErr(port) + ".", 125
	}
	d.startLocked(c)
	return fmt.Sprintf("%064x\n", cid), "", 0
}

func (d *Docker) readoutLocked(iface string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "T %d\n", d.now().Unix())
	if iface != "" && iface == d.Iface {
		fmt.Fprintf(&b, "H %s %d %d\n", iface, d.hostRx, d.hostTx)
	}
	for _, id := range d.sortedIDs() {
		if c := d.containers[id]; c.status == "running" {
			fmt.Fprintf(&b, "C %d %s %d %d\n", id, c.startedAt, c.rx, c.tx)
		}
	}
	return b.String()
}
