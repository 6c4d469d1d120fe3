package relay_test

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"kami/internal/adapter/openaicompat"
	"kami/internal/clock"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
	"kami/internal/timefmt"
)

type figures struct {
	Requests         int64 `json:"requests"`
	Success          int64 `json:"success"`
	Failed           int64 `json:"failed"`
	PromptTokens     int64 `json:"promptTokens"`
	CompletionTokens int64 `json:"completionTokens"`
	Quota            int64 `json:"quota"`
}

func (f *figures) add(l entity.RelayLogs) {
	f.Requests++
	if l.Status == "success" {
		f.Success++
	} else {
		f.Failed++
	}
	f.PromptTokens += l.PromptTokens
	f.CompletionTokens += l.CompletionTokens
	f.Quota += l.Quota
}

type seriesAnswer struct {
	Granularity string `json:"granularity"`
	Items       []struct {
		Time string `json:"time"`
		figures
	} `json:"items"`
}

type topAnswer struct {
	Dim   string `json:"dim"`
	Items []struct {
		Id   int64  `json:"id"`
		Name string `json:"name"`
		figures
	} `json:"items"`
}

// The statistics over HTTP equal the relay_logs rows they were rolled up from: totals, hourly
// and Shanghai-day series across local midnight, rankings; each role sees its scope only.
func TestStatsAPI(t *testing.T) {
	ctx := context.Background()
	sh := timefmt.Zone()
	t0 := time.Date(2026, 3, 10, 23, 30, 0, 0, sh) // 15:30 UTC, the 10th in Shanghai
	// The relay's own clock only: its log times and the rollup's "current hour" follow it,
	// logins keep the real time.
	clk := clock.NewFake(t0)
	service.Relay().SetClock(clk)
	t.Cleanup(func() { service.Relay().SetClock(clock.System) })

	env := testkit.Current()
	admin := env.Admin(t)
	fake := fakeUpstream(t)
	fake.SetDefault(openaicompat.Behaviour{Content: "x", Usage: [3]int64{10, 5, 0}})
	m := testkit.UniqueName("gpt-st-")
	seedPrice(t, m, "1", "2")
	c := createChannel(t, admin, map[string]any{"name": "st-" + m, "baseUrl": fake.URL(), "models": []string{m},
		"keys": []string{"sk-statKeystatKeystat1"}})
	aa := testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
	inside := testkit.SeedUser(t, consts.RoleAgent, aa)
	outside := testkit.SeedUser(t, consts.RoleAgent, testkit.SuperAdmin(t))
	keys := map[int64]string{}
	for _, u := range []testkit.SeededUser{inside, outside} {
		if _, err := service.Quota().Credit(ctx, nil, model.QuotaMove{UserID: u.ID, Amount: 100000,
			Type: model.QuotaTypeSystemRecharge}); err != nil {
			t.Fatal(err)
		}
		_, keys[u.ID] = seedToken(t, u.ID, 0)
	}
	call := func(u testkit.SeededUser, b openaicompat.Behaviour, wantOK bool) {
		t.Helper()
		fake.Push(b)
		cl := sdk(keys[u.ID])
		_, err := cl.Chat.Completions.New(ctx, chatParams(m))
		if (err == nil) != wantOK {
			t.Fatalf("call as %s: %v", u.Username, err)
		}
	}
	// Day 10 (Shanghai), hour 15 UTC: two successes and a refused request inside, one outside.
	call(inside, openaicompat.Behaviour{Content: "a", Usage: [3]int64{11, 7, 0}}, true)
	call(inside, openaicompat.Behaviour{Content: "b", Usage: [3]int64{13, 3, 0}}, true)
	call(inside, openaicompat.Behaviour{Status: 400, ErrType: "invalid_request_error", Message: "bad"}, false)
	call(outside, openaicompat.Behaviour{Content: "c", Usage: [3]int64{20, 9, 0}}, true)
	// Day 11 (Shanghai), hour 16 UTC.
	clk.Advance(time.Hour)
	call(inside, openaicompat.Behaviour{Content: "d", Usage: [3]int64{5, 40, 0}}, true)
	if r := admin.RunJob(t, "relay.stats.rollup"); r.Status != "success" || r.Items < 3 {
		t.Fatalf("rollup: %+v", r)
	}

	var logs []entity.RelayLogs
	if err := dao.RelayLogs.Ctx(ctx).Where("model", m).Scan(&logs); err != nil || len(logs) != 5 {
		t.Fatalf("logs %d %v", len(logs), err)
	}
	var all, mine figures
	byDay, byHour := map[string]*figures{}, map[string]*figures{}
	for _, l := range logs {
		all.add(l)
		if l.UserId == inside.ID {
			mine.add(l)
		}
		day := l.CreatedAt.Time.In(sh).Format("2006-01-02")
		hour := l.CreatedAt.Time.UTC().Format("15")
		for k, mp := range map[string]map[string]*figures{day: byDay, hour: byHour} {
			if mp[k] == nil {
				mp[k] = &figures{}
			}
			mp[k].add(l)
		}
	}
	if all.Failed != 1 || all.Quota == 0 || len(byDay) != 2 || len(byHour) != 2 {
		t.Fatalf("the traffic is not what the test needs: %+v days %d hours %d", all, len(byDay), len(byHour))
	}
	period := "model=" + m + "&startTime=" + url.QueryEscape("2026-03-10T00:00:00+08:00") +
		"&endTime=" + url.QueryEscape("2026-03-12T00:00:00+08:00")

	t.Run("summary", func(t *testing.T) {
		var got figures
		admin.Get(t, "/api/relay/stats/summary?"+period).Expect(t, 200).Decode(t, &got)
		if got != all {
			t.Fatalf("super-admin summary %+v, logs %+v", got, all)
		}
		for _, who := range []testkit.SeededUser{aa, inside} {
			got = figures{}
			env.Login(t, who).Get(t, "/api/relay/stats/summary?"+period).Expect(t, 200).Decode(t, &got)
			if got != mine {
				t.Fatalf("%s summary %+v, want the subtree's %+v", who.Role, got, mine)
			}
		}
		got = figures{}
		env.Login(t, inside).Get(t, fmt.Sprintf("/api/relay/stats/summary?%s&userId=%d", period, outside.ID)).
			Expect(t, 200).Decode(t, &got)
		if got != (figures{}) {
			t.Fatalf("an agent reads another user's figures: %+v", got)
		}
		got = figures{}
		env.Login(t, aa).Get(t, fmt.Sprintf("/api/relay/stats/summary?%s&userId=%d", period, outside.ID)).
			Expect(t, 200).Decode(t, &got)
		if got != (figures{}) {
			t.Fatalf("an agent-admin reads a user outside its subtree: %+v", got)
		}
		got = figures{}
		admin.Get(t, fmt.Sprintf("/api/relay/stats/summary?%s&userId=%d", period, outside.ID)).Expect(t, 200).Decode(t, &got)
		if got.Requests != 1 || got.Quota != 20+2*9 {
			t.Fatalf("super-admin userId filter: %+v", got)
		}
	})

	t.Run("series by Shanghai day and by hour", func(t *testing.T) {
		var s seriesAnswer
		admin.Get(t, "/api/relay/stats/series?granularity=day&"+period).Expect(t, 200).Decode(t, &s)
		if s.Granularity != "day" || len(s.Items) != 2 || s.Items[0].Time != "2026-03-10T00:00:00+08:00" ||
			s.Items[1].Time != "2026-03-11T00:00:00+08:00" {
			t.Fatalf("day axis %+v", s)
		}
		for _, it := range s.Items {
			if it.figures != *byDay[it.Time[:10]] {
				t.Fatalf("day %s: %+v, logs %+v", it.Time, it.figures, *byDay[it.Time[:10]])
			}
		}
		s = seriesAnswer{}
		admin.Get(t, "/api/relay/stats/series?granularity=hour&model="+m+"&startTime="+url.QueryEscape("2026-03-10T14:10:00Z")+
			"&endTime="+url.QueryEscape("2026-03-10T16:20:00Z")).Expect(t, 200).Decode(t, &s)
		// 14:10 rounds down to 14:00, 16:20 up to 17:00: three buckets, the first empty.
		if len(s.Items) != 3 || s.Items[0].Time != "2026-03-10T22:00:00+08:00" || s.Items[0].figures != (figures{}) ||
			s.Items[1].figures != *byHour["15"] || s.Items[2].figures != *byHour["16"] {
			t.Fatalf("hour series %+v (logs 15: %+v, 16: %+v)", s, *byHour["15"], *byHour["16"])
		}
	})

	t.Run("top", func(t *testing.T) {
		var top topAnswer
		admin.Get(t, "/api/relay/stats/top?dim=user&"+period).Expect(t, 200).Decode(t, &top)
		if len(top.Items) != 2 || top.Items[0].Id != inside.ID || top.Items[0].Name != inside.Username ||
			top.Items[0].figures != mine || top.Items[1].Id != outside.ID {
			t.Fatalf("top users %+v", top)
		}
		top = topAnswer{}
		admin.Get(t, "/api/relay/stats/top?dim=channel&"+period).Expect(t, 200).Decode(t, &top)
		if len(top.Items) != 1 || top.Items[0].Id != c.ID || top.Items[0].Name != "st-"+m || top.Items[0].figures != all {
			t.Fatalf("top channels %+v", top)
		}
		top = topAnswer{}
		env.Login(t, aa).Get(t, "/api/relay/stats/top?dim=model&limit=1&"+period).Expect(t, 200).Decode(t, &top)
		if len(top.Items) != 1 || top.Items[0].Name != m || top.Items[0].figures != mine {
			t.Fatalf("agent-admin top models %+v", top)
		}
		top = topAnswer{}
		env.Login(t, aa).Get(t, "/api/relay/stats/top?dim=user&"+period).Expect(t, 200).Decode(t, &top)
		if len(top.Items) != 1 || top.Items[0].Id != inside.ID {
			t.Fatalf("agent-admin top users %+v", top)
		}
		top = topAnswer{}
		admin.Get(t, "/api/relay/stats/top?dim=user&by=requests&limit=1&"+period).Expect(t, 200).Decode(t, &top)
		if len(top.Items) != 1 || top.Items[0].Id != inside.ID {
			t.Fatalf("top by requests %+v", top)
		}
	})

	t.Run("refusals", func(t *testing.T) {
		for _, who := range []testkit.SeededUser{aa, inside} {
			if r := env.Login(t, who).Get(t, "/api/relay/stats/top?dim=channel&"+period); r.Status != 403 ||
				r.ErrorCode() != "FORBIDDEN" {
				t.Errorf("%s ranks channels: %d %s", who.Role, r.Status, r.Raw)
			}
		}
		for _, q := range []string{"series?granularity=week", "series?granularity=hour&startTime=2026-01-01T00:00:00Z&endTime=2026-03-01T00:00:00Z",
			"top?dim=token", "top", "top?dim=model&limit=51", "top?dim=model&by=latency", "summary?startTime=yesterday",
			"summary?startTime=2026-03-11T00:00:00Z&endTime=2026-03-10T00:00:00Z"} {
			if r := admin.Get(t, "/api/relay/stats/"+q); r.Status != 400 {
				t.Errorf("%s: %d %s", q, r.Status, r.Raw)
			}
		}
		if r := env.Client().Get(t, "/api/relay/stats/summary"); r.Status != 401 {
			t.Errorf("anonymous: %d", r.Status)
		}
	})
}
