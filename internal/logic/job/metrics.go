package job

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// Per-node counters: summed over nodes, "won" slots equal scheduled runs, and "lost" shows the
// other nodes were firing too and deferred to the winner.
var (
	slotClaims = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "kami_job_slots_total", Help: "Scheduled slots this node tried to claim, by job and outcome (won, lost).",
	}, []string{"job", "outcome"})
	scheduled = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "kami_job_scheduled", Help: "1 while this node schedules the job (enabled, valid schedule), else 0.",
	}, []string{"job"})
	runsTotal = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "kami_job_runs_total", Help: "Job runs finished on this node, by job, trigger and status.",
	}, []string{"job", "trigger", "status"})
	runDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name: "kami_job_run_duration_seconds", Help: "Job run duration on this node.",
		Buckets: prometheus.ExponentialBuckets(0.01, 4, 10),
	}, []string{"job"})
)
