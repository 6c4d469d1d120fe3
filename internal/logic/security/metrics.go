package security

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// The monitor's verdicts as metrics, so the Prometheus rules (manifest/deploy/prometheus) alert
// on the same conditions as the alert rows, from outside the process too.
var (
	checkOK = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "kami_security_check_ok", Help: "1 while the fault monitor's check passes, 0 while it fails (db, redis, jobs, http_errors, disk).",
	}, []string{"check"})
	alertsRaised = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "kami_security_alerts_raised_total", Help: "Fault alerts raised by this node, by check.",
	}, []string{"check"})
	anomalies = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "kami_security_anomalies_total", Help: "Account anomalies recorded by this node, by kind and measure.",
	}, []string{"kind", "measure"})
)
