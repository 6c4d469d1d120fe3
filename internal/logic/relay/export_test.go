package relay

import (
	"time"

	"kami/internal/adapter/openaicompat"
	"kami/internal/service"
)

// SetStreamLimitsForTest makes this node's streams send keep-alive comments every keepAlive of
// upstream silence and end after maxStream (relay.maxStreamDurationS has a 10 s floor); the
// returned func restores the settings' values.
func SetStreamLimitsForTest(keepAlive, maxStream time.Duration) (restore func()) {
	s := service.Relay().(*sRelay)
	s.limits.Store(&streamLimits{keepAlive: keepAlive, maxStream: maxStream})
	return func() { s.limits.Store(nil) }
}

// SetUpstreamForTest replaces this node's upstream adapter; the returned func restores it.
func SetUpstreamForTest(u openaicompat.Upstream) (restore func()) {
	s := service.Relay().(*sRelay)
	prev := s.upstream.Swap(&upstreamRef{u})
	return func() { s.upstream.Store(prev) }
}
