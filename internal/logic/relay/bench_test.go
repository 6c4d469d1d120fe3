package relay_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"kami/internal/adapter/openaicompat"
	"kami/internal/testkit"
)

// The relay benchmarks (relay.md §9): every figure is relay (client -> Kami -> fake) against
// direct (client -> fake) on the same loopback fake in the same run, in 5 alternating blocks so
// whatever else the machine does weighs on both. The contract's 20 s windows are shortened to
// blocks of about a second per side (5 s per side in all) so the four benchmarks finish in a
// few minutes on 2 cores; client, fake and server share the process and its cores.
const benchBlocks = 5

// BenchmarkRelayNonStream: fake delay 100 ms, 32 concurrent clients; p50/p99 ratios, errors.
func BenchmarkRelayNonStream(b *testing.B) {
	r := newBenchRig(b, 32)
	for range b.N {
		r.behave(openaicompat.Behaviour{Delay: 100 * time.Millisecond})
		r.block(32, 32, false, false) // warm connections and caches
		r.block(64, 32, true, false)
		var direct, relayed []call
		for range benchBlocks {
			direct = append(direct, r.block(320, 32, false, false)...)
			relayed = append(relayed, r.block(320, 32, true, false)...)
		}
		total := func(c call) []time.Duration { return []time.Duration{c.total} }
		d, rl := pick(direct, total), pick(relayed, total)
		b.ReportMetric(ratio(pct(rl, 50), pct(d, 50)), "p50-ratio")
		b.ReportMetric(ratio(pct(rl, 99), pct(d, 99)), "p99-ratio")
		b.ReportMetric(float64(errorsOf(relayed)), "relay-errors")
		b.ReportMetric(float64(errorsOf(direct)), "direct-errors")
		b.Logf("non-stream c=32 delay 100ms: direct p50 %.1fms p99 %.1fms | relay p50 %.1fms p99 %.1fms | errors %d/%d",
			ms(pct(d, 50)), ms(pct(d, 99)), ms(pct(rl, 50)), ms(pct(rl, 99)), errorsOf(relayed), len(relayed))
		r.settleAll(b)
		b.ReportMetric(0, "audit-mismatches")
	}
}

// BenchmarkRelayStream: first byte after 200 ms, 20 chunks 20 ms apart, 32 concurrent clients;
// TTFB and total ratios, the gap the relay adds per chunk, and the settle lag (last byte to
// committed: the relay commits before its handler ends the body).
func BenchmarkRelayStream(b *testing.B) {
	r := newBenchRig(b, 32)
	for range b.N {
		r.behave(openaicompat.Behaviour{Delay: 200 * time.Millisecond, Chunks: 20, Gap: 20 * time.Millisecond})
		r.block(32, 32, false, true)
		r.block(32, 32, true, true)
		var direct, relayed []call
		for range benchBlocks {
			direct = append(direct, r.block(64, 32, false, true)...)
			relayed = append(relayed, r.block(64, 32, true, true)...)
		}
		ttfb := func(c call) []time.Duration { return []time.Duration{c.ttfb} }
		total := func(c call) []time.Duration { return []time.Duration{c.total} }
		gaps := func(c call) []time.Duration { return c.gaps }
		settle := func(c call) []time.Duration { return []time.Duration{c.settle} }
		dT, rT := pick(direct, ttfb), pick(relayed, ttfb)
		dA, rA := pick(direct, total), pick(relayed, total)
		dG, rG := pick(direct, gaps), pick(relayed, gaps)
		lag := pick(relayed, settle)
		b.ReportMetric(ratio(pct(rT, 50), pct(dT, 50)), "ttfb-p50-ratio")
		b.ReportMetric(ratio(pct(rA, 50), pct(dA, 50)), "total-p50-ratio")
		b.ReportMetric(ms(pct(rG, 50)-pct(dG, 50)), "added-gap-p50-ms")
		b.ReportMetric(ms(pct(lag, 50)), "settle-lag-p50-ms")
		b.ReportMetric(ms(pct(lag, 99)), "settle-lag-p99-ms")
		b.ReportMetric(float64(errorsOf(relayed)), "relay-errors")
		b.Logf("stream c=32: ttfb direct %.1fms relay %.1fms | total direct %.1fms relay %.1fms (p99 %.1f / %.1f) | gap p50 direct %.2fms relay %.2fms | settle lag p50 %.1fms p99 %.1fms",
			ms(pct(dT, 50)), ms(pct(rT, 50)), ms(pct(dA, 50)), ms(pct(rA, 50)), ms(pct(dA, 99)), ms(pct(rA, 99)),
			ms(pct(dG, 50)), ms(pct(rG, 50)), ms(pct(lag, 50)), ms(pct(lag, 99)))
		r.settleAll(b)
		b.ReportMetric(0, "audit-mismatches")
	}
}

// BenchmarkRelayManyStreams: 500 concurrent streams of 60 chunks 50 ms apart on one node; all
// must complete; total ratio; memory per stream. The fake and the client live in this process
// too, so the memory figures are (relay block - direct block) / 500, sampled mid-block: Go
// heap + stacks in use, and VmRSS (which the runtime returns to the OS only lazily, so it is
// the rougher of the two).
func BenchmarkRelayManyStreams(b *testing.B) {
	const streams = 500
	r := newBenchRig(b, 128)
	for range b.N {
		r.behave(openaicompat.Behaviour{Chunks: 60, Gap: 50 * time.Millisecond})
		r.block(64, 64, true, true)
		var direct, relayed []call
		var memD, memR, rssD, rssR int64
		sample := func(relayed bool) ([]call, int64, int64) {
			m0, s0 := inUse(), rss()
			var m1, s1 int64
			t := time.AfterFunc(1500*time.Millisecond, func() { m1, s1 = inUse(), rss() })
			calls := r.block(streams, streams, relayed, true)
			t.Stop()
			return calls, m1 - m0, s1 - s0
		}
		for range benchBlocks {
			c, m, s := sample(false)
			direct, memD, rssD = append(direct, c...), memD+m, rssD+s
			c, m, s = sample(true)
			relayed, memR, rssR = append(relayed, c...), memR+m, rssR+s
		}
		total := func(c call) []time.Duration { return []time.Duration{c.total} }
		dA, rA := pick(direct, total), pick(relayed, total)
		perStream := func(rel, dir int64) float64 { return float64(rel-dir) / benchBlocks / streams / 1024 }
		b.ReportMetric(float64(errorsOf(relayed)), "incomplete-streams")
		b.ReportMetric(ratio(pct(rA, 50), pct(dA, 50)), "total-p50-ratio")
		b.ReportMetric(ratio(pct(rA, 99), pct(dA, 99)), "total-p99-ratio")
		b.ReportMetric(perStream(memR, memD), "KiB-heap+stack/stream")
		b.ReportMetric(perStream(rssR, rssD), "KiB-rss/stream")
		b.Logf("500 streams: incomplete %d/%d | total p50 direct %.0fms relay %.0fms, p99 %.0f / %.0f | per stream %.1f KiB heap+stack, %.1f KiB RSS",
			errorsOf(relayed), len(relayed), ms(pct(dA, 50)), ms(pct(rA, 50)), ms(pct(dA, 99)), ms(pct(rA, 99)),
			perStream(memR, memD), perStream(rssR, rssD))
		if n := errorsOf(relayed); n > 0 {
			b.Logf("incomplete streams by reason: %v", failures(relayed))
		}
		r.settleAll(b)
		b.ReportMetric(0, "audit-mismatches")
	}
}

// BenchmarkRelayThroughput: fake delay 0, 64 concurrent clients: relay req/s against direct and
// against the bare gf JSON handler of the same binary; allocations per relay request (the
// process's allocations per relay call minus those per direct call: the client and the fake
// allocate alike in both).
func BenchmarkRelayThroughput(b *testing.B) {
	r := newBenchRig(b, 64)
	bare := func() call {
		c := call{started: time.Now()}
		req, _ := http.NewRequest(http.MethodPost, testkit.Current().BaseURL+testkit.BareRoute, strings.NewReader(`{}`))
		resp, err := r.hc.Do(req)
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			c.ok = resp.StatusCode == http.StatusOK
		}
		c.total = time.Since(c.started)
		return c
	}
	for range b.N {
		r.behave(openaicompat.Behaviour{})
		r.block(256, 64, true, false)
		var tB, tD, tR time.Duration
		var nB, nD, nR int
		var aD, aR uint64
		var errs int
		for range benchBlocks {
			start := time.Now()
			for range 16 { // 16 x 64 = 1024 calls
				done := make(chan struct{})
				for range 64 {
					go func() { bare(); done <- struct{}{} }()
				}
				for range 64 {
					<-done
				}
			}
			tB, nB = tB+time.Since(start), nB+1024
			m0 := mallocs()
			start = time.Now()
			calls := r.block(1024, 64, false, false)
			tD, nD, aD = tD+time.Since(start), nD+len(calls), aD+mallocs()-m0
			m0 = mallocs()
			start = time.Now()
			calls = r.block(512, 64, true, false)
			tR, nR, aR = tR+time.Since(start), nR+len(calls), aR+mallocs()-m0
			errs += errorsOf(calls)
		}
		perSec := func(n int, d time.Duration) float64 { return float64(n) / d.Seconds() }
		bareRPS, directRPS, relayRPS := perSec(nB, tB), perSec(nD, tD), perSec(nR, tR)
		allocs := float64(aR)/float64(nR) - float64(aD)/float64(nD)
		b.ReportMetric(relayRPS, "relay-req/s")
		b.ReportMetric(relayRPS/directRPS, "relay/direct")
		b.ReportMetric(relayRPS/bareRPS, "relay/bare")
		b.ReportMetric(allocs, "hot-allocs/req")
		b.ReportMetric(float64(errs), "relay-errors")
		b.Logf("delay 0 c=64: bare %.0f req/s, direct %.0f req/s, relay %.0f req/s (÷direct %.3f, ÷bare %.3f) | %.0f allocs per relay request",
			bareRPS, directRPS, relayRPS, relayRPS/directRPS, relayRPS/bareRPS, allocs)
		r.settleAll(b)
		b.ReportMetric(0, "audit-mismatches")
	}
}
