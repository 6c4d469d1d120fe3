package relay_test

import (
	"context"
	"strings"
	"testing"

	"kami/internal/adapter/openaicompat"
	"kami/internal/consts"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
)

// The log list is scoped by role, and only the super-admin sees the channel fields.
func TestLogList(t *testing.T) {
	ctx := context.Background()
	env := testkit.Current()
	admin := env.Admin(t)
	fake := fakeUpstream(t)
	fake.SetDefault(openaicompat.Behaviour{Content: "x", Usage: [3]int64{10, 5, 0}})
	m := testkit.UniqueName("gpt-")
	seedPrice(t, m, "1", "1")
	c := createChannel(t, admin, map[string]any{"name": "l-" + m, "baseUrl": fake.URL(), "models": []string{m},
		"keys": []string{"sk-logKeylogKeylogKey1"}})
	aa := testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
	ag := testkit.SeedUser(t, consts.RoleAgent, aa)
	if _, err := service.Quota().Credit(ctx, nil, model.QuotaMove{UserID: ag.ID, Amount: 10000,
		Type: model.QuotaTypeSystemRecharge}); err != nil {
		t.Fatal(err)
	}
	_, key := seedToken(t, ag.ID, 0)
	cl := sdk(key)
	if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); err != nil {
		t.Fatal(err)
	}
	otherAA := testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
	q := "/api/relay/logs/list?model=" + m
	type logs struct {
		Items []map[string]any `json:"items"`
		Total int              `json:"total"`
	}
	var l logs
	admin.Get(t, q+"&isStream=false&status=success").Expect(t, 200).Decode(t, &l)
	if l.Total != 1 || l.Items[0]["channelId"] != float64(c.ID) || l.Items[0]["quota"] != float64(15) ||
		l.Items[0]["settleState"] != "committed" || l.Items[0]["username"] != ag.Username {
		t.Fatalf("super-admin list = %+v", l)
	}
	for _, who := range []testkit.SeededUser{aa, ag} {
		l = logs{} // json.Unmarshal would merge into the previous items' maps
		env.Login(t, who).Get(t, q).Expect(t, 200).Decode(t, &l)
		if l.Total != 1 {
			t.Fatalf("%s list = %+v", who.Role, l)
		}
		for _, f := range []string{"channelId", "channelName", "keyId", "upstreamModel", "attempts", "errorMessage", "nodeId"} {
			if v, ok := l.Items[0][f]; ok {
				t.Errorf("%s sees %s = %#v", who.Role, f, v)
			}
		}
	}
	env.Login(t, otherAA).Get(t, q).Expect(t, 200).Decode(t, &l)
	if l.Total != 0 {
		t.Fatalf("another agent-admin sees %+v", l)
	}
	if r := admin.Get(t, q+"&startTime=yesterday"); r.Status != 400 {
		t.Fatalf("bad time: %d", r.Status)
	}
	if r := env.Client().Get(t, q); r.Status != 401 {
		t.Fatalf("anonymous: %d", r.Status)
	}
	admin.Get(t, q+"&endTime=2000-01-01T00:00:00Z").Expect(t, 200).Decode(t, &l)
	if l.Total != 0 || strings.Contains(m, " ") {
		t.Fatalf("end time filter = %+v", l)
	}
}
