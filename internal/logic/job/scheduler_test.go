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

// Two nodes share one schedule: a job every second, enabled for 5 s, runs 5 ± 1 times in total
// (not 10), both nodes take part in claiming slots, and a job that stays disabled never runs.
func TestTwoNodesRunEachSlotOnce(t *testing.T) {
	env := testkit.Current()
	node := env.StartNode(t)
	admin := env.Admin(t)
	t.Cleanup(func() { admin.Put(t, "/api/system/job/test.tick", map[string]any{"enabled": false}) })

	lastID, err := dao.JobRuns.Ctx(context.Background()).Max("id")
	if err != nil {
		t.Fatal(err)
	}
	after := int64(lastID)
	wonA0, lostA0 := slotMetric(t, env.BaseURL, "test.tick") // this process's counters carry over
	// The second node re-reads the jobs table every second; this edit goes to the first one.
	admin.Put(t, "/api/system/job/test.tick", map[string]any{"enabled": true}).Expect(t, http.StatusOK)
	time.Sleep(5 * time.Second)
	admin.Put(t, "/api/system/job/test.tick", map[string]any{"enabled": false}).Expect(t, http.StatusOK)
	time.Sleep(300 * time.Millisecond) // let a run that started just before finish

	total, perNode := scheduledRuns(t, "test.tick", after)
	wonA, lostA := slotMetric(t, env.BaseURL, "test.tick")
	wonA, lostA = wonA-wonA0, lostA-lostA0
	wonB, lostB := slotMetric(t, node.BaseURL, "test.tick")
	t.Logf("runs: %d %v; slots node A won %d lost %d, node B won %d lost %d", total, perNode, wonA, lostA, wonB, lostB)
	if total < 4 || total > 6 {
		t.Errorf("scheduled runs in 5 s = %d, want 5 ± 1", total)
	}
	if wonA+wonB != total {
		t.Errorf("won slots %d != run rows %d", wonA+wonB, total)
	}
	// Both nodes fired for (nearly) every slot; without the slot claim that would be ~10 runs.
	if wonA+lostA < 3 || wonB+lostB < 3 {
		t.Errorf("both nodes must be firing: node A %d+%d, node B %d+%d", wonA, lostA, wonB, lostB)
	}

	t.Run("disabled job stops", func(t *testing.T) {
		time.Sleep(2 * time.Second)
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
