package middleware

import (
	"strconv"
	"time"

	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// Labels use the route pattern, never the raw path, so ids in URLs cannot explode cardinality.
var (
	httpRequests = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "kami_http_requests_total", Help: "HTTP requests by route pattern, method and status.",
	}, []string{"route", "method", "status"})
	httpDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name: "kami_http_request_duration_seconds", Help: "HTTP request latency by route pattern.",
		Buckets: prometheus.DefBuckets,
	}, []string{"route", "method"})
)

// Metrics records every request, including the ones a later middleware refused.
func (s *sMiddleware) Metrics(r *ghttp.Request) {
	start := time.Now()
	r.Middleware.Next()
	route := "unmatched"
	if r.Router != nil {
		route = r.Router.Uri
	}
	httpRequests.WithLabelValues(route, r.Method, strconv.Itoa(r.Response.Status)).Inc()
	httpDuration.WithLabelValues(route, r.Method).Observe(time.Since(start).Seconds())
}
