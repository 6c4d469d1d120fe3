package job_test

import (
	"bufio"
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"kami/internal/dao"
	"kami/internal/testkit"
)

// scheduledRuns counts the scheduled run rows of a job with an id above afterID, per node, so
// repeated runs of a test (go test -count) each count only their own.
func scheduledRuns(t *testing.T, name string, afterID int64) (int, map[string]int) {
	t.Helper()
	var rows []struct{ Node string }
	err := dao.JobRuns.Ctx(context.Background()).Fields("node").
		Where("job", name).Where("trigger_type", "schedule").WhereGT("id", afterID).Scan(&rows)
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	for _, r := range rows {
		per[r.Node]++
	}
	return len(rows), per
}

// slotMetric reads kami_job_slots_total for a job from a node's /metrics: how many slots that
// node tried to claim, won or lost.
func slotMetric(t *testing.T, base, name string) (won, lost int) {
	t.Helper()
	res, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "kami_job_slots_total{") || !strings.Contains(line, `job="`+name+`"`) {
			continue
		}
		fields := strings.Fields(line)
		n, _ := strconv.ParseFloat(fields[len(fields)-1], 64)
		if strings.Contains(line, `outcome="won"`) {
			won = int(n)
		} else {
			lost = int(n)
		}
	}
	return won, lost
}

// gauge reads kami_job_scheduled for a job from a node's /metrics: 1 while it schedules it.
func gauge(t *testing.T, base, name string) int {
	t.Helper()
	res, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		if line := sc.Text(); strings.HasPrefix(line, `kami_job_scheduled{job="`+name+`"}`) {
			return int(fields(line))
		}
	}
	return 0
}

func fields(line string) float64 {
	f := strings.Fields(line)
	n, _ := strconv.ParseFloat(f[len(f)-1], 64)
	return n
}

// waitUntil polls cond until it holds; the limit only keeps a broken build from hanging.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Two nodes share one schedule and one clock (frozen, moved by the test): a job every second,
// with time moved 5 s, runs exactly 5 times in total (not 10), each slot claimed by both nodes
// and won by one, and a disabled job never runs.
func TestTwoNodesRunEachSlotOnce(t *testing.T) {
	env := testkit.Current()
	node := env.StartNode(t)
	admin := env.Admin(t)
	clk := testkit.SharedClock{}
	// Half a second into a second: every step below crosses exactly one @every 1s boundary.
	clk.Freeze(t, time.Now().Truncate(time.Second).Add(500*time.Millisecond))
	clk.RunSchedules(t) // this test is about the schedules following the moved clock
	t.Cleanup(func() { clk.Release(t) })
	t.Cleanup(func() { admin.Put(t, "/api/system/job/test.tick", map[string]any{"enabled": false}) })

	lastID, err := dao.JobRuns.Ctx(context.Background()).Max("id")
	if err != nil {
		t.Fatal(err)
	}
	after := int64(lastID)
	wonA0, lostA0 := slotMetric(t, env.BaseURL, "test.tick") // this process's counters carry over
	admin.Put(t, "/api/system/job/test.tick", map[string]any{"enabled": true}).Expect(t, http.StatusOK)
	// Each node re-reads the jobs table every second; go on once both schedule the job.
	waitUntil(t, "both nodes schedule test.tick", func() bool {
		return gauge(t, env.BaseURL, "test.tick") == 1 && gauge(t, node.BaseURL, "test.tick") == 1
	})
	attempts := func(base string, won0, lost0 int) int {
		won, lost := slotMetric(t, base, "test.tick")
		return won - won0 + lost - lost0
	}
	for i := 1; i <= 5; i++ {
		clk.Advance(t, time.Second)
		// Both nodes try to claim the new slot (one wins, one loses) before time moves on.
		waitUntil(t, "both nodes claimed slot "+strconv.Itoa(i), func() bool {
			return attempts(env.BaseURL, wonA0, lostA0) == i && attempts(node.BaseURL, 0, 0) == i
		})
	}
	waitUntil(t, "5 run rows", func() bool { n, _ := scheduledRuns(t, "test.tick", after); return n >= 5 })

	total, perNode := scheduledRuns(t, "test.tick", after)
	wonA, lostA := slotMetric(t, env.BaseURL, "test.tick")
	wonA, lostA = wonA-wonA0, lostA-lostA0
	wonB, lostB := slotMetric(t, node.BaseURL, "test.tick")
	t.Logf("runs: %d %v; slots node A won %d lost %d, node B won %d lost %d", total, perNode, wonA, lostA, wonB, lostB)
	if total != 5 || wonA+wonB != 5 || lostA+lostB != 5 {
		t.Errorf("5 slots: %d runs, %d won, %d lost; want 5, 5, 5", total, wonA+wonB, lostA+lostB)
	}

	t.Run("disabled job stops", func(t *testing.T) {
		admin.Put(t, "/api/system/job/test.tick", map[string]any{"enabled": false}).Expect(t, http.StatusOK)
		waitUntil(t, "both nodes drop test.tick", func() bool {
			return gauge(t, env.BaseURL, "test.tick") == 0 && gauge(t, node.BaseURL, "test.tick") == 0
		})
		clk.Advance(t, 3*time.Second)
		if later, _ := scheduledRuns(t, "test.tick", after); later != total {
			t.Errorf("runs went from %d to %d after the job was disabled", total, later)
		}
	})
	t.Run("never-enabled job never runs", func(t *testing.T) {
		if n, _ := scheduledRuns(t, "test.off", 0); n != 0 {
			t.Errorf("disabled test.off ran %d times", n)
		}
	})
}
