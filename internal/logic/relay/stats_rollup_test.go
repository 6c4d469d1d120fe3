package relay_test

import (
	"context"
	"testing"
	"time"

	"kami/internal/adapter/openaicompat"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// The rollup's figures equal the logs', and a second run leaves them unchanged (idempotent).
func TestStatsRollup(t *testing.T) {
	ctx := context.Background()
	env := testkit.Current()
	admin := env.Admin(t)
	fake := fakeUpstream(t)
	fake.SetDefault(openaicompat.Behaviour{Content: "x", Usage: [3]int64{10, 5, 0}})
	m := testkit.UniqueName("gpt-")
	seedPrice(t, m, "1", "1")
	createChannel(t, admin, map[string]any{"name": "r-" + m, "baseUrl": fake.URL(), "models": []string{m},
		"keys": []string{"sk-rolKeyrolKeyrolKey1"}})
	ag := testkit.SeedUser(t, consts.RoleAgent, testkit.SuperAdmin(t))
	if _, err := service.Quota().Credit(ctx, nil, model.QuotaMove{UserID: ag.ID, Amount: 10000,
		Type: model.QuotaTypeSystemRecharge}); err != nil {
		t.Fatal(err)
	}
	_, key := seedToken(t, ag.ID, 0)
	cl := sdk(key)
	for i := 0; i < 3; i++ {
		if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); err != nil {
			t.Fatal(err)
		}
	}
	var logs []entity.RelayLogs
	if err := dao.RelayLogs.Ctx(ctx).Where("model", m).Scan(&logs); err != nil || len(logs) != 3 {
		t.Fatalf("logs %d %v", len(logs), err)
	}
	var want entity.RelayStatsHourly
	for _, l := range logs {
		want.Requests++
		if l.Status == "success" {
			want.Success++
		}
		want.PromptTokens += l.PromptTokens
		want.CompletionTokens += l.CompletionTokens
		want.Quota += l.Quota
	}
	for run := 0; run < 2; run++ {
		if r := admin.RunJob(t, "relay.stats.rollup"); r.Status != "success" || r.Items < 1 {
			t.Fatalf("run %d: %+v", run, r)
		}
		var got []entity.RelayStatsHourly
		if err := dao.RelayStatsHourly.Ctx(ctx).Where("model", m).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 {
			t.Fatalf("run %d: %d stats rows", run, len(got))
		}
		g := got[0]
		if g.UserId != ag.ID || g.Requests != want.Requests || g.Success != want.Success || g.Failed != 0 ||
			g.PromptTokens != want.PromptTokens || g.CompletionTokens != want.CompletionTokens || g.Quota != want.Quota ||
			want.Quota == 0 {
			t.Fatalf("run %d: stats %+v, want %+v", run, g, want)
		}
	}
}

// The retention job deletes logs older than relay.logRetentionDays and keeps the rest.
func TestLogRetention(t *testing.T) {
	ctx := context.Background()
	env := testkit.Current()
	admin := env.Admin(t)
	m := testkit.UniqueName("ret-")
	now := testkit.SharedClock{}.Now().UTC()
	for i, age := range []time.Duration{100 * 24 * time.Hour, time.Hour} {
		if _, err := dao.RelayLogs.Ctx(ctx).Data(map[string]any{"request_id": m + string(rune('a'+i)), "model": m,
			"user_id": 1, "token_id": 0, "created_at": now.Add(-age),
			// settled rows: the package audit (main_test.go) finds no request left pending
			"status": "ok", "settle_state": "released", "final": 1}).Insert(); err != nil {
			t.Fatal(err)
		}
	}
	if r := admin.RunJob(t, "relay.log.retention"); r.Status != "success" || r.Items < 1 {
		t.Fatalf("run: %+v", r)
	}
	var left []entity.RelayLogs
	if err := dao.RelayLogs.Ctx(ctx).Where("model", m).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if len(left) != 1 || left[0].RequestId != m+"b" {
		t.Fatalf("left %+v", left)
	}
}
