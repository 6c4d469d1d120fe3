package derp

import (
	"context"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/prometheus/client_golang/prometheus"

	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// Per-server and per-container metrics (issue #13: Prometheus metrics per server and container,
// alert rules in manifest/deploy/prometheus/kami-derp-alerts.yml). They are read from the
// database at scrape time, where the probes, the traffic sampler and the host-op worker of every
// node write them, so every node reports the same fleet: rules aggregate with max by (server_id).
// Removed servers and containers are left out, which bounds the series by live capacity.
type hostCollector struct {
	scrapeOK, health, hostError, containers, maxContainers, latency, rate, monthUsed, monthQuota *prometheus.Desc
	cRunning, cDesired, cRx, cTx, cRate, ops                                                     *prometheus.Desc
}

var serverLabels = []string{"server_id", "server", "region"}

func newHostCollector() *hostCollector {
	d := func(name, help string, labels ...string) *prometheus.Desc {
		return prometheus.NewDesc("kami_derp_"+name, help, labels, nil)
	}
	cl := []string{"server_id", "container_id", "rental_id", "ha_index"}
	return &hostCollector{
		scrapeOK:      d("metrics_scrape_ok", "1 when the DERP fleet metrics were read from the database, 0 when the read failed."),
		health:        d("server_health", "1 for the server's current probe health (unknown, healthy, degraded, down), 0 for the others.", append(serverLabels, "health")...),
		hostError:     d("server_host_error", "1 while the server's host is in error (host key mismatch, image too old).", serverLabels...),
		containers:    d("server_containers", "Containers placed on the server.", serverLabels...),
		maxContainers: d("server_max_containers", "The server's container capacity.", serverLabels...),
		latency:       d("server_latency_ms", "The server's last probe latency in milliseconds.", serverLabels...),
		rate:          d("server_rate_bps", "The server's last sampled traffic rate in bits per second.", serverLabels...),
		monthUsed:     d("server_month_used_bytes", "Traffic the server used in its current billing month.", serverLabels...),
		monthQuota:    d("server_month_quota_bytes", "The server's monthly traffic quota (0 = unlimited).", serverLabels...),
		cRunning:      d("container_running", "1 while the container runs on its host.", cl...),
		cDesired:      d("container_desired_running", "1 while the logic wants the container running.", cl...),
		cRx:           d("container_rx_bytes_total", "Bytes the container received, over its life.", cl...),
		cTx:           d("container_tx_bytes_total", "Bytes the container sent, over its life.", cl...),
		cRate:         d("container_rate_bps", "The container's last sampled rate in bits per second.", cl...),
		ops:           d("host_ops", "Host operations by state (pending, running, dead).", "state"),
	}
}

func init() { prometheus.MustRegister(newHostCollector()) }

func (c *hostCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.scrapeOK, c.health, c.hostError, c.containers, c.maxContainers, c.latency,
		c.rate, c.monthUsed, c.monthQuota, c.cRunning, c.cDesired, c.cRx, c.cTx, c.cRate, c.ops} {
		ch <- d
	}
}

func (c *hostCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ok := 1.0
	if err := c.collect(ctx, ch); err != nil {
		g.Log().Warningf(ctx, "derp metrics: %v", err)
		ok = 0
	}
	ch <- prometheus.MustNewConstMetric(c.scrapeOK, prometheus.GaugeValue, ok)
}

func (c *hostCollector) collect(ctx context.Context, ch chan<- prometheus.Metric) error {
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	var servers []entity.DerpServers
	sc := dao.DerpServers.Columns()
	if err := dao.DerpServers.Ctx(ctx).Fields(sc.Id, sc.Name, sc.Region, sc.Health, sc.HostState, sc.ContainerCount,
		sc.MaxContainers, sc.LastLatencyMs, sc.RateBps, sc.MonthUsedBytes, sc.MonthlyQuotaBytes).
		WhereNot(sc.State, "removed").Scan(&servers); err != nil && !dbx.IsNoRows(err) {
		return err
	}
	for _, s := range servers {
		l := []string{strconv.FormatInt(s.Id, 10), s.Name, s.Region}
		for _, h := range []string{"unknown", "healthy", "degraded", "down"} {
			gauge(c.health, boolValue(s.Health == h), append(l, h)...)
		}
		gauge(c.hostError, boolValue(s.HostState == "error"), l...)
		gauge(c.containers, float64(s.ContainerCount), l...)
		gauge(c.maxContainers, float64(s.MaxContainers), l...)
		gauge(c.latency, float64(s.LastLatencyMs), l...)
		gauge(c.rate, float64(s.RateBps), l...)
		gauge(c.monthUsed, float64(s.MonthUsedBytes), l...)
		gauge(c.monthQuota, float64(s.MonthlyQuotaBytes), l...)
	}
	var conts []entity.DerpContainers
	cc := dao.DerpContainers.Columns()
	if err := dao.DerpContainers.Ctx(ctx).Fields(cc.Id, cc.ServerId, cc.RentalId, cc.HaIndex, cc.Desired, cc.State,
		cc.RxTotal, cc.TxTotal, cc.RateBps).WhereNotIn(cc.State, []string{"removed", "abandoned"}).
		Scan(&conts); err != nil && !dbx.IsNoRows(err) {
		return err
	}
	for _, k := range conts {
		l := []string{strconv.FormatInt(k.ServerId, 10), strconv.FormatInt(k.Id, 10), strconv.FormatInt(k.RentalId, 10),
			strconv.Itoa(k.HaIndex)}
		gauge(c.cRunning, boolValue(k.State == "running"), l...)
		gauge(c.cDesired, boolValue(k.Desired == "running"), l...)
		ch <- prometheus.MustNewConstMetric(c.cRx, prometheus.CounterValue, float64(k.RxTotal), l...)
		ch <- prometheus.MustNewConstMetric(c.cTx, prometheus.CounterValue, float64(k.TxTotal), l...)
		gauge(c.cRate, float64(k.RateBps), l...)
	}
	oc := dao.DerpHostOps.Columns()
	for _, st := range []string{"pending", "running", "dead"} {
		n, err := dao.DerpHostOps.Ctx(ctx).Where(oc.State, st).Count()
		if err != nil {
			return err
		}
		gauge(c.ops, float64(n), st)
	}
	return nil
}

func boolValue(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
