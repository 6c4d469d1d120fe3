package settings_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

type item struct {
	Key     string          `json:"key"`
	Type    string          `json:"type"`
	Value   json.RawMessage `json:"value"`
	Default json.RawMessage `json:"default"`
	Secret  bool            `json:"secret"`
}

type change struct {
	Key      string          `json:"key"`
	OldValue json.RawMessage `json:"oldValue"`
	NewValue json.RawMessage `json:"newValue"`
	Operator string          `json:"operator"`
}

// shown reads every setting through the API of a node, by key.
func shown(t *testing.T, cl *testkit.Client) map[string]item {
	t.Helper()
	var groups []struct {
		Group string `json:"group"`
		Items []item `json:"items"`
	}
	cl.Get(t, "/api/system/settings").Expect(t, 200).Decode(t, &groups)
	out := map[string]item{}
	for _, g := range groups {
		for _, it := range g.Items {
			out[it.Key] = it
		}
	}
	return out
}

func changes(t *testing.T, cl *testkit.Client, key string) []change {
	t.Helper()
	var res struct {
		Items []change `json:"items"`
		Total int      `json:"total"`
	}
	cl.Get(t, "/api/system/settings/changes/list?pageSize=100&key="+key).Expect(t, 200).Decode(t, &res)
	return res.Items
}

func rawRow(t *testing.T, key string) string {
	t.Helper()
	v, err := dao.Settings.Ctx(context.Background()).Where("k", key).Value("v")
	if err != nil {
		t.Fatal(err)
	}
	return v.String()
}

// A write changes the live values at once, is logged with old and new value and operator, keeps
// secrets sealed at rest and masked everywhere, and null goes back to the default.
func TestSettingsWriteReadAndLog(t *testing.T) {
	cl := testkit.Current().Admin(t)
	s := service.Settings()
	before := shown(t, cl)
	if string(before["test.limit"].Value) != "5" || string(before["test.window"].Value) != `"15m0s"` || string(before["test.token"].Value) != `""` {
		t.Fatalf("defaults: %+v", before)
	}
	var hooked []string
	var mu sync.Mutex
	s.OnChange(func(_ context.Context, keys []string) { mu.Lock(); hooked = append(hooked, keys...); mu.Unlock() })

	cl.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{
		"test.limit": 7, "test.window": "30m", "test.token": "s3cr3t-value", "test.hosts": []string{"a", "b"},
		"test.rule": map[string]any{"x": 2, "y": []int{1}},
	}}).Expect(t, 200)
	if s.Int("test.limit") != 7 || s.Duration("test.window") != 30*time.Minute || s.String("test.token") != "s3cr3t-value" ||
		strings.Join(s.Strings("test.hosts"), ",") != "a,b" {
		t.Fatalf("live values: %d %s %q %v", s.Int("test.limit"), s.Duration("test.window"), s.String("test.token"), s.Strings("test.hosts"))
	}
	var rule struct{ X int }
	if err := s.JSON("test.rule", &rule); err != nil || rule.X != 2 {
		t.Fatalf("json value %+v %v", rule, err)
	}
	mu.Lock()
	if !strings.Contains(strings.Join(hooked, ","), "test.limit") {
		t.Errorf("OnChange saw %v", hooked)
	}
	mu.Unlock()
	after := shown(t, cl)
	if string(after["test.token"].Value) != `"******"` || string(after["test.limit"].Value) != "7" {
		t.Fatalf("shown after write: %+v", after)
	}
	if raw := rawRow(t, "test.token"); raw == "" || strings.Contains(raw, "s3cr3t") {
		t.Fatalf("secret stored as %q", raw)
	}
	log := changes(t, cl, "test.limit")
	if len(log) != 1 || string(log[0].OldValue) != "null" || string(log[0].NewValue) != "7" || log[0].Operator != "admin" {
		t.Fatalf("limit log %+v", log)
	}
	if log := changes(t, cl, "test.token"); len(log) != 1 || strings.Contains(string(log[0].NewValue), "s3cr3t") {
		t.Fatalf("token log %+v", log)
	}

	// The panel writes back what it was shown: the secret stays; an unchanged value logs nothing.
	cl.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"test.token": "******", "test.limit": 7, "test.mode": "safe"}}).Expect(t, 200)
	if s.String("test.token") != "s3cr3t-value" || s.String("test.mode") != "safe" {
		t.Fatalf("masked write-back: %q %q", s.String("test.token"), s.String("test.mode"))
	}
	if n := len(changes(t, cl, "test.limit")); n != 1 {
		t.Fatalf("an unchanged value was logged: %d rows", n)
	}
	// null resets to the default and deletes the row.
	cl.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"test.limit": nil}}).Expect(t, 200)
	if s.Int("test.limit") != 5 || rawRow(t, "test.limit") != "" {
		t.Fatalf("reset: %d, row %q", s.Int("test.limit"), rawRow(t, "test.limit"))
	}
	if log := changes(t, cl, "test.limit"); len(log) != 2 || string(log[0].NewValue) != "null" || string(log[0].OldValue) != "7" {
		t.Fatalf("reset log %+v", log)
	}
}

// Any bad value refuses the whole write, names the key and the rule, and changes nothing.
func TestSettingsRefuseBadValuesAllOrNothing(t *testing.T) {
	cl := testkit.Current().Admin(t)
	cl.Lang = "en"
	s := service.Settings()
	cases := []struct {
		name   string
		values map[string]any
		says   string
	}{
		{"unknown key", map[string]any{"test.nope": 1, "test.mode": "safe"}, "test.nope is not a defined setting"},
		{"below min", map[string]any{"test.limit": 0}, "test.limit: must be at least 1"},
		{"above max", map[string]any{"test.limit": 101, "test.mode": "safe"}, "at most 100"},
		{"not whole", map[string]any{"test.limit": 1.5}, "whole number"},
		{"wrong type", map[string]any{"test.enabled": "yes"}, "true or false"},
		{"bad duration", map[string]any{"test.window": "soon"}, "duration"},
		{"short duration", map[string]any{"test.window": "10ms"}, "at least 1s"},
		{"not in enum", map[string]any{"test.mode": "turbo"}, "one of: fast, safe"},
		{"not a list", map[string]any{"test.hosts": "a,b"}, "list of strings"},
		{"one bad among good", map[string]any{"test.limit": 9, "test.hosts": []string{"x"}, "test.mode": "turbo"}, "test.mode"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			limit, mode, hosts := s.Int("test.limit"), s.String("test.mode"), len(s.Strings("test.hosts"))
			n, _ := dao.SettingChanges.Ctx(context.Background()).Count()
			r := cl.Put(t, "/api/system/settings", map[string]any{"values": c.values}).Expect(t, 400)
			if r.ErrorCode() != "SETTING_INVALID" || !strings.Contains(r.ErrorText(), c.says) {
				t.Fatalf("%s: %s", c.name, r.Raw)
			}
			m, _ := dao.SettingChanges.Ctx(context.Background()).Count()
			if s.Int("test.limit") != limit || s.String("test.mode") != mode || len(s.Strings("test.hosts")) != hosts || m != n {
				t.Fatalf("a refused write changed something")
			}
		})
	}
	cl.Put(t, "/api/system/settings", map[string]any{}).Expect(t, 400)
}

// Only the super-admin reads or writes settings.
func TestSettingsAccess(t *testing.T) {
	env := testkit.Current()
	admin := testkit.SuperAdmin(t)
	agentAdmin := testkit.SeedUser(t, consts.RoleAgentAdmin, admin)
	agent := testkit.SeedUser(t, consts.RoleAgent, agentAdmin)
	for _, u := range []testkit.SeededUser{agentAdmin, agent} {
		cl := env.Login(t, u)
		cl.Get(t, "/api/system/settings").Expect(t, 403)
		cl.Get(t, "/api/system/settings/changes/list").Expect(t, 403)
		cl.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"test.limit": 9}}).Expect(t, 403)
	}
	env.Client().Get(t, "/api/system/settings").Expect(t, 401)
	if service.Settings().Int("test.limit") == 9 {
		t.Fatal("a refused caller changed a setting")
	}
}

// A change made on one node is live on the other without a restart.
func TestSettingsReachTheOtherNode(t *testing.T) {
	env := testkit.Current()
	node := env.StartNode(t)
	other := node.Client().Login(t, "admin", testkit.AdminPassword)
	cl := env.Admin(t)
	start := time.Now()
	cl.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"test.hosts": []string{"n1", "n2"}, "test.token": "other-node"}}).Expect(t, 200)
	deadline := start.Add(15 * time.Second)
	for string(shown(t, other)["test.hosts"].Value) != `["n1","n2"]` {
		if time.Now().After(deadline) {
			t.Fatal("the second node never saw the change")
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("second node saw the change after %s", time.Since(start).Round(10*time.Millisecond))
	var rows []entity.SettingChanges
	_ = dao.SettingChanges.Ctx(context.Background()).Where("k", "test.hosts").Scan(&rows)
	if len(rows) == 0 {
		t.Fatal("no change row")
	}
}

// Every setting a module defines (the test-only ones aside) reads as a sentence on the panel in
// both languages, under a titled group.
func TestEverySettingIsDescribed(t *testing.T) {
	cl := testkit.Current().Admin(t)
	for _, lang := range []string{"zh-CN", "en"} {
		cl.Lang = lang
		var groups []struct {
			Group string `json:"group"`
			Title string `json:"title"`
			Items []struct {
				Key         string `json:"key"`
				Description string `json:"description"`
			} `json:"items"`
		}
		cl.Get(t, "/api/system/settings").Expect(t, 200).Decode(t, &groups)
		for _, g := range groups {
			if g.Group == "test" || g.Group == "other" {
				continue
			}
			if g.Title == "" || g.Title == "settings.group."+g.Group {
				t.Errorf("%s: group %q has no title", lang, g.Group)
			}
			for _, it := range g.Items {
				if it.Description == "" || it.Description == "setting."+it.Key {
					t.Errorf("%s: %s has no description", lang, it.Key)
				}
			}
		}
	}
}
