package derp

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"kami/internal/infra/db"
	"kami/internal/logic/derp/admit"
)

// admitMaxBody is the largest DERPAdmitClientRequest accepted (§7: over 4 KiB → 400).
const admitMaxBody = 4 << 10

// The results counted by derp_admit_total.
const (
	admitAllow       = "allow"
	admitDeny        = "deny"
	admitBadRequest  = "bad_request"
	admitRateLimited = "rate_limited"
	admitUnavailable = "unavailable"
)

var (
	admitTotal = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "derp_admit_total", Help: "DERP admission calls by result (allow, deny, bad_request, rate_limited, unavailable).",
	}, []string{"result"})
	admitSeconds = promauto.NewHistogram(prometheus.HistogramOpts{
		Name: "derp_admit_seconds", Help: "DERP admission latency.",
		Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1},
	})
)

// AdmitStatements counts the database statements admission calls send themselves (misses,
// learning), apart from the background batcher's, so tests and B1 prove a warm call sends none.
var AdmitStatements db.Meter

// admitRequest is tailcfg.DERPAdmitClientRequest; unknown fields are ignored (§7).
type admitRequest struct {
	NodePublic string
	Source     string
}

// Admit decides derper's -verify-client-url call for token with the raw body: the HTTP status
// and, for 200, the Allow value. It answers from this node's snapshot, so a warm call issues
// no SQL and no Redis command; a miss loads the rental once (503 when the database is down).
// It fails closed: anything unexpected is Allow:false or a non-200, which derper rejects.
func (s *sDerp) Admit(ctx context.Context, token string, body []byte) (status int, allow bool) {
	start := time.Now()
	ctx = db.WithMeter(ctx, &AdmitStatements)
	result := admitDeny
	defer func() {
		admitTotal.WithLabelValues(result).Inc()
		admitSeconds.Observe(time.Since(start).Seconds())
	}()
	var in admitRequest
	if len(body) > admitMaxBody || json.Unmarshal(body, &in) != nil {
		result = admitBadRequest
		return http.StatusBadRequest, false
	}
	key, ok := normalizeNodeKey(in.NodePublic)
	if !ok {
		result = admitBadRequest
		return http.StatusBadRequest, false
	}
	cid, sig, ok := admit.Parse(token)
	if !ok {
		return http.StatusOK, false
	}
	rid, r, err := s.admitEntry(ctx, cid)
	if err != nil {
		result = admitUnavailable
		return http.StatusServiceUnavailable, false
	}
	if r == nil {
		return http.StatusOK, false
	}
	c := r.containers[cid]
	if !admit.Valid(cid, c.tokenGen, sig) {
		return http.StatusOK, false
	}
	// The limiter runs on the service clock too, so a test can hold it still and count exactly.
	at := (*s.clock.Load()).Now()
	if !admitLimiter.allow(cid, at) {
		result = admitRateLimited
		return http.StatusTooManyRequests, false
	}
	now := at.UTC().Truncate(time.Second)
	if c.desired != containerRunning || r.state != rentalActive || !r.expiresAt.After(now) {
		return http.StatusOK, false
	}
	if _, bad := r.blocked[key]; bad {
		return http.StatusOK, false
	}
	if _, good := r.approved[key]; good {
		result = admitAllow
		return http.StatusOK, true
	}
	if now.Before(r.learnUntil) && len(r.approved) < r.maxDevices {
		learned, err := s.learnDevice(ctx, rid, key, in.Source, now)
		if err != nil {
			result = admitUnavailable
			return http.StatusServiceUnavailable, false
		}
		if learned {
			result = admitAllow
			return http.StatusOK, true
		}
	}
	admitSeen.offer(rid, key, in.Source, now)
	return http.StatusOK, false
}

// admitEntry is the container's rental entry from the snapshot, loading it on a miss. A rental
// entry that does not know the container (placed after the entry was loaded, its invalidation
// lost) is loaded again once. r is nil for an unknown container.
func (s *sDerp) admitEntry(ctx context.Context, cid int64) (int64, *admitRental, error) {
	rid, r, hit := admitSnap.lookup(cid, time.Now())
	if hit {
		if r == nil {
			return 0, nil, nil
		}
		if _, known := r.containers[cid]; known {
			return rid, r, nil
		}
	}
	rid, r, err := admitSnap.load(ctx, cid)
	if err != nil || r == nil {
		return 0, nil, err
	}
	if _, known := r.containers[cid]; !known {
		return 0, nil, nil
	}
	return rid, r, nil
}
