package relay_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kami/internal/adapter/openaicompat"
	"kami/internal/testkit"
)

// scrape returns /metrics as text.
func scrape(t *testing.T) string {
	t.Helper()
	resp, err := http.Get(testkit.Current().BaseURL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("/metrics: %d", resp.StatusCode)
	}
	return string(b)
}

// metric is the value of one sample line (name with its labels as Prometheus prints them), or
// -1 when absent.
func metric(text, series string) float64 {
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(series) + ` (\S+)$`)
	m := re.FindStringSubmatch(text)
	if m == nil {
		return -1
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}

// The §7 series appear on /metrics after traffic: requests by model and status, an upstream
// failure by channel and class, TTFB and duration histograms, in-flight back at 0, the settle
// backlog, and the token cache's look-ups.
func TestRelayMetrics(t *testing.T) {
	ctx := context.Background()
	fake := fakeUpstream(t)
	m := testkit.UniqueName("gpt-met-")
	seedPrice(t, m, "1", "1")
	ch := seedChannel(t, "met-"+m, fake.URL(), 0, 1, []string{m}, "sk-metKeymetKey00001")
	a := newAgent(t, 100000, 0)
	before := scrape(t)
	cl := sdk(a.Key)
	if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); err != nil {
		t.Fatal(err)
	}
	fake.Push(openaicompat.Behaviour{Status: 500, ErrType: "server_error", Message: "boom"})
	if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); err == nil {
		t.Fatal("a 500 from the only channel must fail the request")
	}
	unknown := sdk("sk-" + strings.Repeat("Z", 48))
	if _, err := unknown.Chat.Completions.New(ctx, chatParams(m)); err == nil {
		t.Fatal("an unknown key must be refused")
	}
	waitSettled(t, a.UserID)
	after := scrape(t)
	t.Logf("relay series after the traffic:\n%s", relayLines(after))

	delta := func(series string) float64 {
		b := metric(before, series)
		if b < 0 {
			b = 0
		}
		return metric(after, series) - b
	}
	checks := []struct {
		series string
		want   float64
	}{
		{fmt.Sprintf(`kami_relay_requests_total{code="200",model="%s"}`, m), 1},
		{fmt.Sprintf(`kami_relay_requests_total{code="502",model="%s"}`, m), 1},
		{`kami_relay_requests_total{code="401",model="-"}`, 1},
		{fmt.Sprintf(`kami_relay_upstream_errors_total{channel="%d",class="transient"}`, ch), 1},
		{`kami_relay_ttfb_seconds_count`, 1},
		{`kami_relay_duration_seconds_count`, 3},
		{`kami_relay_cache_total{level="l1",result="miss"}`, 2}, // the agent's key once, the unknown key once
		{`kami_relay_cache_total{level="l1",result="hit"}`, 1},
	}
	for _, c := range checks {
		if got := delta(c.series); got != c.want {
			t.Errorf("%s grew by %v, want %v", c.series, got, c.want)
		}
	}
	if v := metric(after, "kami_relay_inflight"); v != 0 {
		t.Errorf("kami_relay_inflight = %v after every request ended", v)
	}
	if v := metric(after, "kami_relay_settle_backlog"); v < 0 {
		t.Errorf("kami_relay_settle_backlog missing")
	}
	if strings.Contains(after, "sk-metKey") {
		t.Error("a channel key leaked into /metrics")
	}
}

func relayLines(text string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "kami_relay_") && !strings.Contains(l, "_bucket{") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
