package openaicompat

import (
	"fmt"
	"net"
	"os"
	"sync/atomic"
	"syscall"
)

// Under test (KAMI_TEST_BACKEND set, as the test clock hook is honoured only then) the adapter
// dials loopback addresses only, so a channel pointed at a real provider can never be called from
// a test run (relay.md §8: any non-loopback dial fails the test). Refused dials are counted for
// the relay tests' after-suite check; outside tests nothing is checked.
var (
	loopbackOnly     = os.Getenv("KAMI_TEST_BACKEND") != ""
	nonLoopbackDials atomic.Int64
)

// NonLoopbackDials is how many dials the adapter refused under test.
func NonLoopbackDials() int64 { return nonLoopbackDials.Load() }

func checkLoopback(_, address string, _ syscall.RawConn) error {
	if !loopbackOnly {
		return nil
	}
	host, _, err := net.SplitHostPort(address)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		nonLoopbackDials.Add(1)
		return fmt.Errorf("openaicompat: a test dialled %s, which is not a loopback address", address)
	}
	return nil
}
