package proxy_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"

	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/logic/proxy"
	"kami/internal/testkit"
)

// callbackURL is the registered callback of the running server for an order.
func callbackURL(t *testing.T, w world, token, no string) string {
	t.Helper()
	if token == "" {
		var v settingsView
		w.Admin.C.Get(t, "/api/proxy/settings").Expect(t, http.StatusOK).Decode(t, &v)
		token = v.CallbackPath[len("/api/proxy/callback/"):]
	}
	return fmt.Sprintf("%s/api/proxy/callback/%s?type=order&no=%s&op=1", testkit.Current().BaseURL, token, no)
}

func hit(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func callbackRows(t *testing.T, no, status string) int {
	t.Helper()
	n, err := dao.ProxyCallbackLog.Ctx(context.Background()).Where("ref_no", no).Where("status", status).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCallbacks(t *testing.T) {
	w := newWorld(t)
	f := onSale(t, w)
	fund(t, w.Agent.ID, 100_000)
	place := func() order {
		var o order
		w.Agent.C.Post(t, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": 1, "cycleTimes": 1}).
			Expect(t, http.StatusOK).Decode(t, &o)
		return o
	}

	t.Run("forged while processing changes nothing", func(t *testing.T) {
		o := place()
		before := balanceOf(t, w.Agent.ID)
		if code, body := hit(t, callbackURL(t, w, "", o.AppOrderNo)); code != 200 || body != `{"code":"success","msg":"ok"}` {
			t.Fatalf("reply %d %s", code, body)
		}
		if got := getOrder(t, w.Agent, o.Id); got.Status != "processing" || balanceOf(t, w.Agent.ID) != before {
			t.Fatalf("a callback is a trigger only: %+v", got)
		}
	})
	t.Run("10 concurrent duplicates: one transition, one commit", func(t *testing.T) {
		o := place()
		f.Advance()
		before := balanceOf(t, w.Agent.ID)
		url := callbackURL(t, w, "", o.AppOrderNo)
		var wg sync.WaitGroup
		codes := make([]int, 10)
		for i := range codes {
			wg.Add(1)
			go func() { defer wg.Done(); codes[i], _ = hit(t, url) }()
		}
		wg.Wait()
		for _, c := range codes {
			if c != 200 {
				t.Fatalf("codes %v", codes)
			}
		}
		got := getOrder(t, w.Agent, o.Id)
		after := balanceOf(t, w.Agent.ID)
		if got.Status != "success" || before.Frozen-after.Frozen != 1200 || before.Available != after.Available {
			t.Fatalf("one commit of 1200: %+v, %+v → %+v", got, before, after)
		}
		assertSettled(t, got)
		if n := callbackRows(t, o.AppOrderNo, "done"); n != 10 {
			t.Fatalf("every duplicate is logged and processed: %d done", n)
		}
	})
	t.Run("wrong token and unknown no", func(t *testing.T) {
		if code, _ := hit(t, callbackURL(t, w, "00000000000000000000000000000000", "x")); code != 404 {
			t.Fatalf("wrong token: %d", code)
		}
		if code, _ := hit(t, callbackURL(t, w, "", "PXNOPE")); code != 200 || callbackRows(t, "PXNOPE", "ignored") != 1 {
			t.Fatalf("unknown no: %d, logged ignored", code)
		}
	})
	t.Run("outage: acknowledged, completed by callback_retry", func(t *testing.T) {
		o := place()
		f.Advance()
		for i := 0; i < 3; i++ { // every inline attempt of the re-query gets a 502
			f.FaultFor(ipipv.PathOrder, o.AppOrderNo, ipipv.HTTP502())
		}
		if code, _ := hit(t, callbackURL(t, w, "", o.AppOrderNo)); code != 200 {
			t.Fatalf("acknowledged during the outage: %d", code)
		}
		if got := getOrder(t, w.Agent, o.Id); got.Status != "processing" || callbackRows(t, o.AppOrderNo, "pending") != 1 {
			t.Fatalf("left pending: %+v", got)
		}
		w.Admin.C.RunJob(t, proxy.JobCallbackRetry)
		if got := getOrder(t, w.Agent, o.Id); got.Status != "success" || callbackRows(t, o.AppOrderNo, "done") != 1 {
			t.Fatalf("completed by the retry: %+v", got)
		}
	})
}
