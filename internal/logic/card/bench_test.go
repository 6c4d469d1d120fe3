package card_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/testkit"
)

const benchCards = 100000

// BenchmarkCardsBatch100k generates and stores a 100,000-card batch over HTTP (keys, HMAC,
// AES-GCM, the ledger reservation and commit, 100 multi-row INSERTs in one transaction) and,
// in the same run, a plain multi-row INSERT of as many rows with precomputed values: the
// ratio is what generation costs above the bare write. Goal on MySQL: <= 10 s per batch.
func BenchmarkCardsBatch100k(b *testing.B) {
	agent, pid, plan := benchAgent(b, int64(b.N)*benchCards)
	var gen, plain time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		r := agent.Post(b, "/api/cards/batches", map[string]any{"projectId": pid, "planId": plan, "count": benchCards})
		if r.Status != http.StatusOK {
			b.Fatalf("batch: HTTP %d %s", r.Status, r.Raw)
		}
		gen += time.Since(start)
		plain += plainInsert(b, benchCards)
	}
	b.StopTimer()
	n := float64(b.N)
	b.ReportMetric(gen.Seconds()/n, "s/batch")
	b.ReportMetric(plain.Seconds()/n, "s/plain-insert")
	b.ReportMetric(float64(gen)/float64(plain), "x-plain")
	fmt.Printf("cards: 100,000-card batch %.2f s, plain multi-row INSERT of the same rows %.2f s (%.2fx)\n",
		gen.Seconds()/n, plain.Seconds()/n, float64(gen)/float64(plain))
}

// BenchmarkCardsExport100k downloads the .xlsx of a 100,000-card batch while sampling the
// process's heap: the figure is the peak growth over the heap before the export. Goals:
// <= 5 s, <= 150 MB. The same run times a .csv export as the baseline.
func BenchmarkCardsExport100k(b *testing.B) {
	agent, pid, plan := benchAgent(b, benchCards)
	var created struct {
		ID int64 `json:"id"`
	}
	agent.Post(b, "/api/cards/batches", map[string]any{"projectId": pid, "planId": plan, "count": benchCards}).
		Expect(b, http.StatusOK).Decode(b, &created)
	var xlsx, csvT time.Duration
	var peak uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		grow := download(b, agent, created.ID, "xlsx")
		xlsx += time.Since(start)
		peak = max(peak, grow)
		start = time.Now()
		download(b, agent, created.ID, "csv")
		csvT += time.Since(start)
	}
	b.StopTimer()
	n := float64(b.N)
	b.ReportMetric(xlsx.Seconds()/n, "s/xlsx")
	b.ReportMetric(csvT.Seconds()/n, "s/csv")
	b.ReportMetric(float64(peak)/(1<<20), "MB-peak-growth")
	fmt.Printf("cards: 100,000-row export xlsx %.2f s, csv %.2f s (xlsx/csv %.2fx), peak heap growth during xlsx %.1f MB\n",
		xlsx.Seconds()/n, csvT.Seconds()/n, float64(xlsx)/float64(csvT), float64(peak)/(1<<20))
}

// download fetches an export, reading the body to the end, and answers the peak growth of the
// heap in use (sampled every 5 ms) over its level before the request.
func download(b *testing.B, c *testkit.Client, id int64, format string) uint64 {
	b.Helper()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			if m.HeapInuse > base && m.HeapInuse-base > peak.Load() {
				peak.Store(m.HeapInuse - base)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	req, _ := http.NewRequest(http.MethodGet, c.Base+path("/api/cards/batches/%d/export?format=%s", id, format), nil)
	req.Header.Set("Authorization", "Bearer "+c.Token)
	res, err := (&http.Client{Timeout: 5 * time.Minute}).Do(req)
	if err != nil {
		b.Fatal(err)
	}
	n, err := io.Copy(io.Discard, res.Body)
	_ = res.Body.Close()
	close(stop)
	wg.Wait()
	if err != nil || res.StatusCode != http.StatusOK || n == 0 {
		b.Fatalf("export %s: HTTP %d, %d bytes, %v", format, res.StatusCode, n, err)
	}
	return peak.Load()
}

// benchAgent is an authorized agent of a fresh project holding amount units (price 1).
func benchAgent(b *testing.B, amount int64) (*testkit.Client, int64, int64) {
	b.Helper()
	root := testkit.SuperAdmin(b)
	admin := testkit.Current().Login(b, root)
	ag := testkit.SeedUser(b, consts.RoleAgent, root)
	pid, plan := newProject(b, admin, 1)
	authorize(b, admin, pid, ag.ID)
	fund(b, ag.ID, amount)
	return testkit.Current().Login(b, ag), pid, plan
}

// plainInsert writes n card rows with precomputed values (no random keys, no HMAC, no seal,
// no ledger) in the same 1000-row INSERTs inside one transaction, then removes them; it
// answers how long the transaction took.
func plainInsert(b *testing.B, n int) time.Duration {
	b.Helper()
	ctx := context.Background()
	cols := []string{"project_id", "batch_id", "plan_id", "owner_id", "key_hash", "key_sealed", "key_mask", "status",
		"duration_seconds", "max_devices", "created_at", "updated_at"}
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")"
	now := gtime.Now()
	sealed := "v1:" + strings.Repeat("A", 76)
	const fakeProject = -1
	start := time.Now()
	err := dao.Cards.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		for done := 0; done < n; {
			rows := min(1000, n-done)
			args := make([]any, 0, rows*len(cols))
			for i := 0; i < rows; i++ {
				args = append(args, fakeProject, -1, -1, -1, fmt.Sprintf("%064x", done+i), sealed, "ABCD-****-WXYZ",
					"unused", 2592000, 1, now, now)
			}
			q := "INSERT INTO " + dao.Cards.Table() + " (" + strings.Join(cols, ",") + ") VALUES " +
				strings.TrimSuffix(strings.Repeat(one+",", rows), ",")
			if _, err := tx.Exec(q, args...); err != nil {
				return err
			}
			done += rows
		}
		return nil
	})
	took := time.Since(start)
	if err != nil {
		b.Fatal(err)
	}
	if _, err = dao.Cards.Ctx(ctx).Where("project_id", fakeProject).Delete(); err != nil {
		b.Fatal(err)
	}
	return took
}
