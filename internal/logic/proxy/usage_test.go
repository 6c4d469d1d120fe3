package proxy_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/logic/proxy"
	"kami/internal/testkit"
)

type pool struct {
	AgentId      int64 `json:"agentId"`
	ProductNo    string
	TotalBytes   int64 `json:"totalBytes"`
	UsedBytes    int64 `json:"usedBytes"`
	BalanceBytes int64 `json:"balanceBytes"`
	Stale        bool  `json:"stale"`
}

// usage_sync snapshots pools (MB → bytes at the product's base) and keeps the last one, stale,
// when the upstream fails; flow_log_sync copies use records once; both lists are scoped.
func TestUsageSync(t *testing.T) {
	w := newWorld(t)
	f := onSale(t, w)
	pauseJobs(t, w.Admin.C, proxy.JobUsageSync, proxy.JobFlowLogSync)
	other := login(t, testkitSeedAgent(t))
	// Drawing creates the agent's main account.
	w.Agent.C.Post(t, "/api/proxy/draw/api", map[string]any{"productNo": "DYN104", "num": 1}).Expect(t, http.StatusOK)
	main := fmt.Sprintf("kami_%d", w.Agent.ID)
	f.SetPool(main, ipipv.Pool{ProductNo: "DYN104", Total: "2048", Used: "512.5", Balance: "1535.5"})
	at := time.Now().Add(-time.Hour).Truncate(time.Second)
	f.AddFlowLogs(main, "DYN104", ipipv.FlowUse{Used: 100, Total: 1000, Balance: 900, UsedTime: at.Unix()},
		ipipv.FlowUse{Used: 50, Total: 1000, Balance: 850, UsedTime: at.Add(time.Minute).Unix()})

	w.Admin.C.RunJob(t, proxy.JobUsageSync)
	pools := func(c *testkit.Client) []pool {
		t.Helper()
		var p struct {
			Items []pool `json:"items"`
		}
		c.Get(t, "/api/proxy/pools/list?productNo=DYN104&pageSize=100").Expect(t, http.StatusOK).Decode(t, &p)
		return p.Items
	}
	got := pools(w.Agent.C)
	if len(got) != 1 || got[0].TotalBytes != 2048<<20 || got[0].UsedBytes != 512<<20+1<<19 || got[0].Stale {
		t.Fatalf("pools %+v", got)
	}
	if len(pools(other.C)) != 0 || len(pools(w.Boss.C)) != 1 {
		t.Fatal("pools follow the scope")
	}
	// Every pool read of the next run fails (a business error: not retried, the breaker stays
	// closed for the tests after this one); other tests' agents have main accounts too.
	accounts, err := dao.ProxyAccount.Ctx(context.Background()).Count()
	if err != nil {
		t.Fatal(err)
	}
	dynamic, _ := dao.ProxyProduct.Ctx(context.Background()).Where("kind", "dynamic").Count()
	for i := 0; i < accounts*dynamic; i++ {
		f.Fault(ipipv.PathProxyInfo, ipipv.Code(500, "busy"))
	}
	w.Admin.C.RunJob(t, proxy.JobUsageSync)
	if got := pools(w.Agent.C); len(got) != 1 || !got[0].Stale || got[0].TotalBytes != 2048<<20 {
		t.Fatalf("after a failed sync %+v", got)
	}

	if run := w.Admin.C.RunJob(t, proxy.JobFlowLogSync); run.Items != 2 {
		t.Fatalf("first flow log run %+v", run)
	}
	if run := w.Admin.C.RunJob(t, proxy.JobFlowLogSync); run.Items != 0 {
		t.Fatalf("second flow log run %+v", run)
	}
	var logs struct {
		Items []struct {
			UsedBytes int64 `json:"usedBytes"`
		} `json:"items"`
		Total int `json:"total"`
	}
	w.Agent.C.Get(t, "/api/proxy/flow-logs/list?productNo=DYN104").Expect(t, http.StatusOK).Decode(t, &logs)
	if logs.Total != 2 || logs.Items[0].UsedBytes != 50 {
		t.Fatalf("flow logs %+v", logs)
	}
	other.C.Get(t, "/api/proxy/flow-logs/list?productNo=DYN104").Expect(t, http.StatusOK).Decode(t, &logs)
	if logs.Total != 0 {
		t.Fatalf("another agent's flow logs %+v", logs)
	}
	w.Agent.C.Get(t, "/api/proxy/flow-logs/list?from=bad").Expect(t, http.StatusBadRequest)
}
