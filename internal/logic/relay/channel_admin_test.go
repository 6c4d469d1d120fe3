package relay_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"kami/internal/adapter/openaicompat"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

type channelView struct {
	ID      int64             `json:"id"`
	Name    string            `json:"name"`
	BaseURL string            `json:"baseUrl"`
	Models  []string          `json:"models"`
	Mapping map[string]string `json:"modelMapping"`
	Groups  []string          `json:"groups"`
	Weight  int               `json:"weight"`
	AutoBan bool              `json:"autoBan"`
	Status  int               `json:"status"`
	Version int               `json:"version"`
	Keys    []struct {
		ID     int64  `json:"id"`
		Hint   string `json:"hint"`
		Status int    `json:"status"`
	} `json:"keys"`
}

// createChannel posts a channel for the models over the admin API and deletes it at cleanup.
func createChannel(t *testing.T, admin *testkit.Client, body map[string]any) channelView {
	t.Helper()
	var c channelView
	admin.Post(t, "/api/relay/channels", body).Expect(t, 200).Decode(t, &c)
	t.Cleanup(func() { admin.Delete(t, fmt.Sprintf("/api/relay/channels/%d", c.ID)) })
	return c
}

// A channel created over the admin API serves /v1 through the fake upstream; its key is never
// in a response nor in the database in plaintext; the events record every write.
func TestChannelCreateServes(t *testing.T) {
	ctx := context.Background()
	admin := testkit.Current().Admin(t)
	fake := fakeUpstream(t)
	fake.SetDefault(openaicompat.Behaviour{Content: "from admin channel", Usage: [3]int64{10, 5, 0}})
	m := testkit.UniqueName("gpt-")
	seedPrice(t, m, "0.1", "2")
	secret := "sk-adminPlainSecret" + testkit.UniqueName("")
	c := createChannel(t, admin, map[string]any{"name": "c-" + m, "baseUrl": fake.URL() + "/", "models": []string{m},
		"keys": []string{secret}, "modelMapping": map[string]string{m: "upstream-" + m}})
	if c.Status != 1 || c.Version != 1 || len(c.Keys) != 1 || c.Keys[0].Status != 1 || c.Weight != 1 || !c.AutoBan ||
		len(c.Groups) != 1 || c.Groups[0] != "default" || strings.HasSuffix(c.BaseURL, "/") {
		t.Fatalf("created = %+v", c)
	}
	a := newAgent(t, 10000, 0)
	cl := sdk(a.Key)
	res, err := cl.Chat.Completions.New(ctx, chatParams(m))
	if err != nil {
		t.Fatal(err)
	}
	if res.Choices[0].Message.Content != "from admin channel" {
		t.Fatalf("answer %+v", res)
	}
	rec := fake.Requests()
	if len(rec) != 1 || rec[0].Authorization != "Bearer "+secret || !strings.Contains(string(rec[0].Body), "upstream-"+m) {
		t.Fatalf("upstream saw %+v", rec)
	}
	for _, path := range []string{fmt.Sprintf("/api/relay/channels/%d", c.ID), "/api/relay/channels/list?model=" + m} {
		r := admin.Get(t, path).Expect(t, 200)
		if strings.Contains(string(r.Raw), secret) || strings.Contains(string(r.Raw), "adminPlain") {
			t.Fatalf("%s shows the key: %s", path, r.Raw)
		}
	}
	var keys []entity.RelayChannelKeys
	if err = dao.RelayChannelKeys.Ctx(ctx).Where("channel_id", c.ID).Scan(&keys); err != nil || len(keys) != 1 {
		t.Fatalf("keys %v %v", keys, err)
	}
	if strings.Contains(keys[0].Secret, "adminPlain") || strings.Contains(keys[0].Hint, "adminPlain") {
		t.Fatalf("stored key row %+v", keys[0])
	}
	n, err := dao.RelayChannelEvents.Ctx(ctx).Where("channel_id", c.ID).Where("kind", "created").Count()
	if err != nil || n != 1 {
		t.Fatalf("created events = %d %v", n, err)
	}
	audit(t, a.UserID)
}

func TestChannelValidation(t *testing.T) {
	admin := testkit.Current().Admin(t)
	m := testkit.UniqueName("gpt-")
	seedPrice(t, m, "0.1", "2")
	ok := func() map[string]any {
		return map[string]any{"name": "v", "baseUrl": "http://127.0.0.1:1/v1", "models": []string{m}, "keys": []string{"sk-aaaaaaaaaaaaaaaa"}}
	}
	cases := []struct {
		name   string
		edit   func(b map[string]any)
		status int
		reason string
	}{
		{"unpriced model", func(b map[string]any) { b["models"] = []string{m, m + "-unpriced"} }, 400, "MODEL_NOT_PRICED"},
		{"mapping outside models", func(b map[string]any) { b["modelMapping"] = map[string]string{"other": "x"} }, 400, "MODEL_MAPPING_INVALID"},
		{"mapping to empty", func(b map[string]any) { b["modelMapping"] = map[string]string{m: ""} }, 400, "MODEL_MAPPING_INVALID"},
		{"unknown group", func(b map[string]any) { b["groups"] = []string{"nope-" + m} }, 400, "GROUP_UNKNOWN"},
		{"ftp base", func(b map[string]any) { b["baseUrl"] = "ftp://example.test" }, 400, "BASE_URL_INVALID"},
		{"relative base", func(b map[string]any) { b["baseUrl"] = "/v1" }, 400, "BASE_URL_INVALID"},
		{"no keys", func(b map[string]any) { b["keys"] = []string{} }, 400, ""},
		{"no models", func(b map[string]any) { delete(b, "models") }, 400, ""},
		{"weight too big", func(b map[string]any) { b["weight"] = 1001 }, 400, ""},
	}
	for _, tc := range cases {
		b := ok()
		tc.edit(b)
		r := admin.Post(t, "/api/relay/channels", b)
		if r.Status != tc.status || (tc.reason != "" && r.ErrorCode() != tc.reason) {
			t.Errorf("%s: %d %s", tc.name, r.Status, r.Raw)
		}
	}
}

// PUT is version-guarded; status, keys and delete follow; only the super-admin reaches any of it.
func TestChannelEditAndAccess(t *testing.T) {
	ctx := context.Background()
	env := testkit.Current()
	admin := env.Admin(t)
	m := testkit.UniqueName("gpt-")
	seedPrice(t, m, "0.1", "2")
	c := createChannel(t, admin, map[string]any{"name": "e-" + m, "baseUrl": "https://api.example.test/v1",
		"models": []string{m}, "keys": []string{"sk-firstKeyfirstKey01"}})
	path := fmt.Sprintf("/api/relay/channels/%d", c.ID)
	edit := map[string]any{"name": "e2-" + m, "baseUrl": "https://api.example.test/v1", "models": []string{m},
		"weight": 0, "autoBan": false, "priority": 5, "version": c.Version}
	var up channelView
	admin.Put(t, path, edit).Expect(t, 200).Decode(t, &up)
	if up.Version != c.Version+1 || up.Weight != 0 || up.AutoBan || up.Name != "e2-"+m {
		t.Fatalf("updated = %+v", up)
	}
	if r := admin.Put(t, path, edit); r.Status != 409 || r.ErrorCode() != "CONFLICT" {
		t.Fatalf("stale version: %d %s", r.Status, r.Raw)
	}
	admin.Put(t, fmt.Sprintf("/api/relay/channels/%d", c.ID+100000), edit).Expect(t, 404)

	admin.Put(t, path+"/status", map[string]any{"status": 0, "reason": "maintenance"}).Expect(t, 200).Decode(t, &up)
	if up.Status != 0 {
		t.Fatalf("status = %+v", up)
	}
	if r := admin.Put(t, path+"/status", map[string]any{"status": 2}); r.Status != 400 {
		t.Fatalf("status 2 by hand: %d", r.Status)
	}
	admin.Post(t, path+"/keys", map[string]any{"keys": []string{"sk-secondKeysecondKey2"}}).Expect(t, 200).Decode(t, &up)
	if len(up.Keys) != 2 {
		t.Fatalf("keys = %+v", up.Keys)
	}
	k2 := up.Keys[1].ID
	admin.Put(t, fmt.Sprintf("%s/keys/%d/status", path, k2), map[string]any{"status": 0}).Expect(t, 200).Decode(t, &up)
	if up.Keys[1].Status != 0 {
		t.Fatalf("key status = %+v", up.Keys)
	}
	admin.Delete(t, fmt.Sprintf("%s/keys/%d", path, k2)).Expect(t, 200).Decode(t, &up)
	if len(up.Keys) != 1 {
		t.Fatalf("after key delete = %+v", up.Keys)
	}
	admin.Delete(t, fmt.Sprintf("%s/keys/%d", path, k2)).Expect(t, 404)
	other := createChannel(t, admin, map[string]any{"name": "o-" + m, "baseUrl": "https://api.example.test/v1",
		"models": []string{m}, "keys": []string{"sk-otherKeyotherKey01"}})
	admin.Delete(t, fmt.Sprintf("/api/relay/channels/%d/keys/%d", other.ID, up.Keys[0].ID)).Expect(t, 404)

	aa := testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
	ag := testkit.SeedUser(t, consts.RoleAgent, aa)
	for _, cl := range []*testkit.Client{env.Login(t, aa), env.Login(t, ag)} {
		for _, r := range []*testkit.Resp{cl.Get(t, "/api/relay/channels/list"), cl.Get(t, path),
			cl.Put(t, path+"/status", map[string]any{"status": 1}), cl.Delete(t, path)} {
			if r.Status != 403 {
				t.Errorf("non-super-admin: %d %s", r.Status, r.Raw)
			}
		}
	}
	if r := env.Client().Get(t, "/api/relay/channels/list"); r.Status != 401 {
		t.Errorf("anonymous: %d", r.Status)
	}

	admin.Delete(t, path).Expect(t, 200)
	admin.Get(t, path).Expect(t, 404)
	kinds, err := dao.RelayChannelEvents.Ctx(ctx).Where("channel_id", c.ID).OrderAsc("id").Array("kind")
	if err != nil {
		t.Fatal(err)
	}
	want := "created updated manual_disabled keys_added manual_disabled key_deleted deleted"
	var got []string
	for _, k := range kinds {
		got = append(got, k.String())
	}
	if strings.Join(got, " ") != want {
		t.Fatalf("events %v, want %s", got, want)
	}
}
