package relay_test

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/openaicompat"
	"kami/internal/clock"
	"kami/internal/dao"
	"kami/internal/infra/redisx"
	"kami/internal/logic/relay"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// pastOrphanAge moves the relay's clock on this node past maxStreamDurationS (1800) + 300 s,
// so every request opened now counts as orphaned; the real clock comes back when the test ends.
func pastOrphanAge(t *testing.T) *clock.Fake {
	t.Helper()
	c := clock.NewFake(time.Now().Add(1800*time.Second + 300*time.Second + time.Minute))
	service.Relay().SetClock(c)
	t.Cleanup(func() { service.Relay().SetClock(clock.System) })
	return c
}

func heldOf(t *testing.T, tokenID int64) int64 {
	t.Helper()
	v, err := g.Redis().Do(context.Background(), "GET", redisx.Key("relay", "tc", fmt.Sprintf("{%d}", tokenID), "held"))
	if err != nil {
		t.Fatal(err)
	}
	return v.Int64()
}

// A node killed (SIGKILL) in the middle of a stream leaves its row pending; once it is older than
// maxStreamDurationS + 300 s the sweeper settles it, once, per orphanPolicy: release gives the
// whole reservation back, prompt charges the prompt estimate. A second run changes nothing.
func TestSweeperSettlesStreamOfKilledNode(t *testing.T) {
	ctx := context.Background()
	fake := fakeUpstream(t)
	fake.SetDefault(openaicompat.Behaviour{Chunks: 400, Gap: 25 * time.Millisecond})
	m := testkit.UniqueName("gpt")
	seedPrice(t, m, "1", "1")
	seedChannel(t, "c", fake.URL(), 0, 1, []string{m}, "sk-k")
	service.Relay().Invalidate(ctx)
	admin := testkit.Current().Admin(t)
	for _, policy := range []string{"release", "prompt"} {
		t.Run(policy, func(t *testing.T) {
			testkit.SetSettings(t, map[string]any{"relay.orphanPolicy": policy})
			node := testkit.Current().StartNode(t)
			a := newAgent(t, 100000, 0)
			body := `{"model":"` + m + `","stream":true,"messages":[{"role":"user","content":"hello there"}]}`
			req, _ := http.NewRequest(http.MethodPost, node.BaseURL+"/v1/chat/completions", strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+a.Key)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			rd := bufio.NewReader(resp.Body)
			for got := 0; got < 3; { // the stream is committed and running on B
				line, err := rd.ReadString('\n')
				if err != nil {
					t.Fatal(err)
				}
				if strings.HasPrefix(line, "data: ") {
					got++
				}
			}
			node.Signal(t, syscall.SIGKILL)
			_ = node.WaitExit(t, 10*time.Second)
			resp.Body.Close()
			row := logRow(t, a.TokenID)
			if row.SettleState != "pending" || row.Final != 0 || heldOf(t, a.TokenID) != row.PreQuota {
				t.Fatalf("row after the kill %+v, held %d", row, heldOf(t, a.TokenID))
			}
			if _, err := service.Relay().SettleSweep(ctx); err != nil {
				t.Fatal(err)
			}
			if r := logRow(t, a.TokenID); r.SettleState != "pending" { // not yet past the orphan age
				t.Fatalf("a young pending row was swept: %+v", r)
			}
			pastOrphanAge(t)
			run := admin.RunJob(t, relay.SettleSweepJob)
			if run.Status != "success" || run.Items < 1 {
				t.Fatalf("sweep run %+v", run)
			}
			admin.RunJob(t, relay.SettleSweepJob) // nothing left: the row is not settled twice
			row = logRow(t, a.TokenID)
			want, wantState := int64(0), "released"
			if policy == "prompt" {
				want, wantState = row.PromptTokens, "committed" // MR 1, GR 1: one unit per estimated token
			}
			if row.Status != "orphaned" || row.SettleState != wantState || row.Quota != want || row.Final != 1 ||
				(policy == "prompt" && want < 1) {
				t.Fatalf("swept row %+v", row)
			}
			if n := movements(t, row.RequestId); n != 2 {
				t.Fatalf("ledger movements of the request = %d, want 2 (reserve, one settlement)", n)
			}
			if h := heldOf(t, a.TokenID); h != 0 {
				t.Fatalf("token hold after the sweep = %d", h)
			}
			audit(t, a.UserID)
		})
	}
}

// movements counts the ledger movements of a request: its reservation and its settlement (a
// commit or a release) make two; a double settlement would make three.
func movements(t *testing.T, rid string) int64 {
	t.Helper()
	v, err := dao.QuotaEntries.Ctx(context.Background()).Where("ref", "relay:"+rid).
		Fields("COUNT(DISTINCT movement_id)").Value()
	if err != nil {
		t.Fatal(err)
	}
	return v.Int64()
}

// openPending writes what a request leaves behind when its node dies: a reservation of pre and
// a pending row; final rows also carry their outcome (a settlement that failed), settled at.
func openPending(t *testing.T, a agent, rid string, pre, quota int64, final bool, at time.Time) {
	t.Helper()
	ctx := context.Background()
	if _, err := g.Redis().Do(ctx, "INCRBY", redisx.Key("relay", "tc", fmt.Sprintf("{%d}", a.TokenID), "held"), pre); err != nil {
		t.Fatal(err)
	}
	err := service.Quota().Lock(ctx, []int64{a.UserID}, func(ctx context.Context) error {
		return dao.RelayLogs.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			res, err := service.Quota().Reserve(ctx, tx, model.QuotaReserve{UserID: a.UserID, Amount: pre,
				Type: model.QuotaTypeRelay, Ref: "relay:" + rid, IdemKey: "relay:" + rid + ":r"})
			if err != nil {
				return err
			}
			row := do.RelayLogs{RequestId: rid, UserId: a.UserID, TokenId: a.TokenID, TokenName: "t", GroupCode: "default",
				Model: "m", Status: "pending", PromptTokens: 4, ModelRatio: "1", CompletionRatio: "1", CacheRatio: "1",
				GroupRatio: "1", ModelPrice: "0", PreQuota: pre, ReservationId: res, SettleState: "pending", Final: 0,
				CreatedAt: gtime.NewFromTime(at)}
			if final {
				row.Final, row.Status, row.Quota, row.SettledAt = 1, "success", quota, gtime.NewFromTime(at)
			}
			_, err = dao.RelayLogs.Ctx(ctx).TX(tx).Data(row).Insert()
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Sweeps racing each other (the job's registry runs one per schedule across nodes, but a manual
// run, a slow previous run or a late request can overlap) settle every row exactly once: failed
// settlements are redone from the outcome on the row, orphans released.
func TestSweepersRacingSettleOnce(t *testing.T) {
	ctx := context.Background()
	c := pastOrphanAge(t)
	a := newAgent(t, 100000, 0)
	foreign, err := service.Relay().SettleBacklog(ctx) // other tests' rows this clock makes due
	if err != nil {
		t.Fatal(err)
	}
	redoAt := c.Now().Add(-31 * time.Second)     // outcome written, settlement failed, 31 s ago
	orphanAt := c.Now().Add(-2101 * time.Second) // opened past maxStreamDurationS + 300 s
	young := c.Now().Add(-10 * time.Second)      // a failed settlement the sweep must still leave
	var rids []string
	for i := range 6 {
		rid := testkit.UniqueName("rid")
		rids = append(rids, rid)
		if i%2 == 0 {
			openPending(t, a, rid, 50, int64(7+i), true, redoAt)
		} else {
			openPending(t, a, rid, 50, 0, false, orphanAt)
		}
	}
	openPending(t, a, "young"+testkit.UniqueName(""), 50, 9, true, young)
	if n, err := service.Relay().SettleBacklog(ctx); err != nil || n < 6 {
		t.Fatalf("backlog %d %v", n, err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := service.Relay().SettleSweep(ctx)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	var rows []entity.RelayLogs
	if err := dao.RelayLogs.Ctx(ctx).WhereIn("request_id", rids).Scan(&rows); err != nil || len(rows) != 6 {
		t.Fatalf("rows %d %v", len(rows), err)
	}
	// Other tests' leftovers may be swept too, and the scheduled run may take some of ours: the
	// claim is per row (two movements each, below), and that no row is counted twice.
	if total < 1 || total > 6+foreign {
		t.Fatalf("4 racing sweeps settled %d rows", total)
	}
	var charged int64
	for _, r := range rows {
		switch {
		case r.Status == "success" && r.SettleState == "committed" && r.Quota > 0:
			charged += r.Quota
		case r.Status == "orphaned" && r.SettleState == "released" && r.Quota == 0:
		default:
			t.Fatalf("row after the sweeps %+v", r)
		}
		if n := movements(t, r.RequestId); n != 2 {
			t.Fatalf("%s: %d ledger movements, want 2 (reserve, one settlement)", r.RequestId, n)
		}
	}
	if charged != 7+9+11 {
		t.Fatalf("charged %d", charged)
	}
	if n, _ := countPending(a.UserID); n != 1 {
		t.Fatalf("pending rows %d, want the young one only", n)
	}
	c.Advance(time.Minute)
	if _, err := service.Relay().SettleSweep(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := countPending(a.UserID); n != 0 {
		t.Fatalf("the young row, once old, is still pending")
	}
	if h := heldOf(t, a.TokenID); h != 0 {
		t.Fatalf("token hold %d", h)
	}
	audit(t, a.UserID)
}
