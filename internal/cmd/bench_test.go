package cmd_test

import (
	"testing"
	"time"

	"kami/internal/testkit"
)

// BenchmarkAuthenticatedRequest measures GET /api/user/info (JWT check, session + user lookup,
// envelope) against GET /healthz on the same server in the same run, and reports the ratio, so
// the figure means the same on any machine.
func BenchmarkAuthenticatedRequest(b *testing.B) {
	env := testkit.Current()
	cl := env.Admin(b)
	measure := func(path string) time.Duration {
		start := time.Now()
		for i := 0; i < b.N; i++ {
			if r := cl.Get(b, path); r.Status != 200 {
				b.Fatalf("%s: %d", path, r.Status)
			}
		}
		return time.Since(start)
	}
	measure("/healthz") // warm connections
	b.ResetTimer()
	base := measure("/healthz")
	auth := measure("/api/user/info")
	b.StopTimer()
	b.ReportMetric(float64(auth.Nanoseconds())/float64(b.N), "ns/authreq")
	b.ReportMetric(float64(base.Nanoseconds())/float64(b.N), "ns/healthz")
	b.ReportMetric(float64(auth)/float64(base), "x-healthz")
}

// BenchmarkLogin measures a full login (rate limit, lock and captcha checks in Redis, bcrypt at
// the test cost, session insert, login log) against the same healthz baseline.
func BenchmarkLogin(b *testing.B) {
	env := testkit.Current()
	cl := env.Client()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		cl.Get(b, "/healthz")
	}
	base := time.Since(start)
	testkit.SetSettings(b, map[string]any{"auth.loginPerIpPerMinute": 10_000_000})
	b.ResetTimer()
	start = time.Now()
	for i := 0; i < b.N; i++ {
		cl.Post(b, "/api/auth/login", map[string]string{"username": "admin", "password": testkit.AdminPassword}).Expect(b, 200)
	}
	login := time.Since(start)
	b.StopTimer()
	b.ReportMetric(float64(login)/float64(base), "x-healthz")
}
