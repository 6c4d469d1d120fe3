package relay

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"kami/internal/dao"
)

// The relay's Prometheus series (relay.md §7) on the shared /metrics. Durations are wall-clock
// measurements (not business rules), so they use time.Since, never the injected clock. Labels
// stay bounded: the model label is the requested model only once admission found it priced
// ("-" before that: a client's typo must not mint series), the code is the HTTP status.
var (
	mRequests = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "kami_relay_requests_total", Help: "/v1 chat and embeddings requests answered by this node, by requested model and HTTP status.",
	}, []string{"model", "code"})
	mUpstreamErrors = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "kami_relay_upstream_errors_total", Help: "Failed upstream attempts, by channel id and class (transient, timeout, fatal, model_missing, client, interrupted after the first byte).",
	}, []string{"channel", "class"})
	mTTFB = promauto.NewHistogram(prometheus.HistogramOpts{
		Name: "kami_relay_ttfb_seconds", Help: "From the request's arrival to the upstream answer (non-stream) or its first event (stream).",
		Buckets: prometheus.ExponentialBuckets(0.01, 2, 14),
	})
	mDuration = promauto.NewHistogram(prometheus.HistogramOpts{
		Name: "kami_relay_duration_seconds", Help: "Whole /v1 request, streams to their last byte.",
		Buckets: prometheus.ExponentialBuckets(0.01, 2.5, 14),
	})
	mInflight = promauto.NewGauge(prometheus.GaugeOpts{
		Name: "kami_relay_inflight", Help: "/v1 chat and embeddings requests being served by this node.",
	})
	mCache = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "kami_relay_cache_total", Help: "Relay cache look-ups by level (l1 node memory, l2 Redis) and result (hit, negative, miss).",
	}, []string{"level", "result"})
	_ = promauto.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "kami_relay_settle_backlog", Help: "relay_logs rows still pending settlement, cluster-wide (streams in flight and rows awaiting relay.settle.sweep); refreshed at most every 10 s.",
	}, backlog.value)
)

// cacheResult counts one cache look-up.
func cacheResult(level, result string) { mCache.WithLabelValues(level, result).Inc() }

// upstreamError counts one failed attempt on a channel.
func upstreamError(channelID int64, class string) {
	mUpstreamErrors.WithLabelValues(strconv.FormatInt(channelID, 10), class).Inc()
}

// observeTTFB records the time to the upstream's answer, measured from the request's arrival.
func observeTTFB(r *ghttp.Request) { mTTFB.Observe(time.Since(r.EnterTime.Time).Seconds()) }

// requestMetrics follows one /v1 request: in flight from begin to done.
type requestMetrics struct {
	start time.Time
	model string
}

func beginRequest() *requestMetrics {
	mInflight.Inc()
	return &requestMetrics{start: time.Now(), model: "-"}
}

func (m *requestMetrics) done(r *ghttp.Request) {
	mInflight.Dec()
	mDuration.Observe(time.Since(m.start).Seconds())
	code := r.Response.Status
	if code == 0 {
		code = 200
	}
	mRequests.WithLabelValues(m.model, strconv.Itoa(code)).Inc()
}

// backlog caches the pending count: a scrape reads the database at most every 10 s, and a
// database that does not answer in 2 s leaves the last value.
var backlog = &backlogGauge{}

type backlogGauge struct {
	mu   sync.Mutex
	at   time.Time
	last float64
}

func (b *backlogGauge) value() float64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	if time.Since(b.at) < 10*time.Second {
		return b.last
	}
	b.at = time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	n, err := dao.RelayLogs.Ctx(ctx).Where(dao.RelayLogs.Columns().SettleState, "pending").Count()
	if err == nil {
		b.last = float64(n)
	}
	return b.last
}
