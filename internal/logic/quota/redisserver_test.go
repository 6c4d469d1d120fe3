package quota_test

import (
	"bufio"
	"net"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// redisServer is a throwaway redis-server on a random loopback port that a test may stop and
// start again on the same port: the Redis of an outage test, never the shared one.
type redisServer struct {
	addr, port string
	cmd        *exec.Cmd
}

func startRedisServer(t *testing.T) *redisServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	_ = ln.Close()
	rs := &redisServer{addr: "127.0.0.1:" + port, port: port}
	rs.restart(t)
	t.Cleanup(func() { rs.kill() })
	return rs
}

// restart starts the server (again) and waits until it answers PING.
func (rs *redisServer) restart(t *testing.T) {
	t.Helper()
	c := exec.Command("redis-server", "--port", rs.port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
		"--dir", t.TempDir(), "--logfile", "")
	c.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL} // dies with the test, however it ends
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	rs.cmd = c
	deadline := time.Now().Add(20 * time.Second)
	for !rs.pong() {
		if time.Now().After(deadline) {
			t.Fatalf("redis-server on %s did not answer", rs.addr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stop kills the server and waits until it is gone, so nothing answers on the port.
func (rs *redisServer) stop(t *testing.T) {
	t.Helper()
	rs.kill()
	if rs.pong() {
		t.Fatalf("redis-server on %s still answers", rs.addr)
	}
}

func (rs *redisServer) kill() {
	if rs.cmd != nil && rs.cmd.Process != nil {
		_ = rs.cmd.Process.Kill()
		_ = rs.cmd.Wait()
		rs.cmd = nil
	}
}

func (rs *redisServer) pong() bool {
	conn, err := net.DialTimeout("tcp", rs.addr, time.Second)
	if err != nil {
		return false
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(time.Second))
	if _, err = conn.Write([]byte("PING\r\n")); err != nil {
		return false
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	return err == nil && line == "+PONG\r\n"
}
