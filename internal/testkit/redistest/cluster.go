package redistest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gogf/gf/v2/database/gredis"
)

// A throwaway 3-master Redis Cluster on loopback, started once per test process when
// redis-server and redis-cli are installed: scripts that touch keys of two hash slots fail
// there (CROSSSLOT) and nowhere else, so every Redis library test also runs on it.

var (
	clusterOnce sync.Once
	clusterAddr string // comma-separated seed addresses
	clusterErr  error
)

// ClusterAddrs starts this process's throwaway cluster on first use and returns its seed
// addresses, comma-separated; an error says why it cannot run here (no redis-server).
func ClusterAddrs() (string, error) { return clusterAddrs() }

// clusterAddrs starts the cluster on first use; "" with a reason when it cannot run here.
func clusterAddrs() (string, error) {
	clusterOnce.Do(func() { clusterAddr, clusterErr = startCluster() })
	return clusterAddr, clusterErr
}

func startCluster() (string, error) {
	server, err := exec.LookPath("redis-server")
	if err != nil {
		return "", fmt.Errorf("redis-server is not installed")
	}
	cli, err := exec.LookPath("redis-cli")
	if err != nil {
		return "", fmt.Errorf("redis-cli is not installed")
	}
	dir, err := os.MkdirTemp("", "kami-redis-cluster-")
	if err != nil {
		return "", err
	}
	var addrs []string
	for i := 0; i < 3; i++ {
		port, err := freePort()
		if err != nil {
			return "", err
		}
		p := strconv.Itoa(port)
		c := exec.Command(server, "--port", p, "--bind", "127.0.0.1", "--cluster-enabled", "yes",
			"--cluster-config-file", filepath.Join(dir, "nodes-"+p+".conf"), "--save", "", "--appendonly", "no",
			"--dir", dir, "--daemonize", "no", "--logfile", filepath.Join(dir, p+".log"))
		// The nodes die with this test process, however it ends.
		c.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
		if err = c.Start(); err != nil {
			return "", err
		}
		addrs = append(addrs, "127.0.0.1:"+p)
	}
	for _, a := range addrs {
		if err := waitFor(func() bool { return exec.Command(cli, "-u", "redis://"+a, "PING").Run() == nil }); err != nil {
			return "", fmt.Errorf("redis node %s did not start: %w", a, err)
		}
	}
	args := append([]string{"--cluster", "create"}, addrs...)
	args = append(args, "--cluster-replicas", "0", "--cluster-yes")
	if out, err := exec.Command(cli, args...).CombinedOutput(); err != nil {
		return "", fmt.Errorf("redis-cli --cluster create: %v: %s", err, out)
	}
	for _, a := range addrs {
		a := a
		err := waitFor(func() bool {
			out, err := exec.Command(cli, "-u", "redis://"+a, "CLUSTER", "INFO").Output()
			return err == nil && strings.Contains(string(out), "cluster_state:ok")
		})
		if err != nil {
			return "", fmt.Errorf("cluster not ready at %s", a)
		}
	}
	return strings.Join(addrs, ","), nil
}

// waitFor polls cond until it holds, for at most 20 s.
func waitFor(cond func() bool) error {
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			return fmt.Errorf("timed out")
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// clusterClient connects to the cluster through its seed addresses.
func clusterClient(addrs string) (*gredis.Redis, error) {
	return gredis.New(&gredis.Config{
		Address: addrs, Cluster: true,
		DialTimeout: 2 * time.Second, ReadTimeout: 3 * time.Second, WriteTimeout: 3 * time.Second,
	})
}

// clusterReady checks the cluster answers a write through a cluster client.
func clusterReady(addrs string) error {
	r, err := clusterClient(addrs)
	if err != nil {
		return err
	}
	defer r.Close(context.Background())
	_, err = r.Do(context.Background(), "SET", "kamitest:cluster:probe", "1", "PX", 1000)
	return err
}
