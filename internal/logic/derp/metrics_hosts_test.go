package derp_test

import (
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	v1 "kami/api/derp/v1"
	"kami/internal/testkit"
)

// scrape answers the node's /metrics lines of the family name whose labels include every
// name="value" pair of want.
func scrape(t *testing.T, name string, want ...string) []string {
	t.Helper()
	res, err := http.Get(testkit.Current().BaseURL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var out []string
	for _, line := range strings.Split(string(raw), "\n") {
		if !strings.HasPrefix(line, name+"{") && !strings.HasPrefix(line, name+" ") {
			continue
		}
		all := true
		for _, w := range want {
			all = all && strings.Contains(line, w)
		}
		if all {
			out = append(out, line)
		}
	}
	return out
}

// The fleet metrics (issue #13 item 4): per server and per container, read from the database at
// scrape time, and every metric the shipped alert rules use exists.
func TestFleetMetrics(t *testing.T) {
	w := newWorld(t)
	servers := onlyServers(t, 3)
	b := issue(t, w, 3, 1, nil)
	var d v1.RentalDetail
	w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": b.Codes[0]}).Expect(t, http.StatusOK).Decode(t, &d)

	if got := scrape(t, "kami_derp_metrics_scrape_ok"); len(got) != 1 || !strings.HasSuffix(got[0], " 1") {
		t.Fatalf("scrape ok: %v", got)
	}
	for _, id := range servers {
		sid := `server_id="` + itoa(id) + `"`
		if got := scrape(t, "kami_derp_server_containers", sid); len(got) != 1 || !strings.HasSuffix(got[0], " 1") {
			t.Fatalf("server %d containers: %v", id, got)
		}
		if got := scrape(t, "kami_derp_server_health", sid, `health="unknown"`); len(got) != 1 || !strings.HasSuffix(got[0], " 1") {
			t.Fatalf("server %d health: %v", id, got)
		}
	}
	rid := `rental_id="` + itoa(d.Id) + `"`
	desired, running := scrape(t, "kami_derp_container_desired_running", rid), scrape(t, "kami_derp_container_running", rid)
	if len(desired) != 3 || len(running) != 3 {
		t.Fatalf("container series: %v %v", desired, running)
	}
	for i := range desired {
		if !strings.HasSuffix(desired[i], " 1") || !strings.HasSuffix(running[i], " 0") {
			t.Fatalf("a new rental's containers are wanted running and not yet running: %v %v", desired, running)
		}
	}

	rules, err := os.ReadFile("../../../manifest/deploy/prometheus/kami-derp-alerts.yml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range regexp.MustCompile(`kami_derp_[a-z_]+`).FindAllString(string(rules), -1) {
		if len(scrape(t, name)) == 0 {
			t.Errorf("the alert rules use %s, which /metrics does not have", name)
		}
	}
}
