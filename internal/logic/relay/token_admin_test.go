package relay_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"kami/internal/consts"
	"kami/internal/testkit"
)

type tokenView struct {
	ID            int64    `json:"id"`
	UserID        int64    `json:"userId"`
	Username      string   `json:"username"`
	Name          string   `json:"name"`
	KeyHint       string   `json:"keyHint"`
	Status        int      `json:"status"`
	ExpiresAt     *string  `json:"expiresAt"`
	QuotaLimit    int64    `json:"quotaLimit"`
	AllowedModels []string `json:"allowedModels"`
	AllowedIps    []string `json:"allowedIps"`
	Key           string   `json:"key"`
}

// v1Status calls GET /v1/models with key and answers the status and the OpenAI error code.
func v1Status(t *testing.T, key string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, testkit.Current().BaseURL+"/v1/models", nil)
	req.Header.Set("Authorization", "Bearer "+key)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		Error struct {
			Code string `json:"code"`
		} `json:"error"`
	}
	_ = jsonDecode(res.Body, &body)
	return res.StatusCode, body.Error.Code
}

func TestTokenLifecycle(t *testing.T) {
	env := testkit.Current()
	owner := testkit.SeedUser(t, consts.RoleAgent, testkit.SuperAdmin(t))
	c := env.Login(t, owner)

	var tk tokenView
	c.Post(t, "/api/relay/tokens", map[string]any{"name": "ci", "quotaLimit": 500,
		"allowedModels": []string{"gpt-x"}, "allowedIps": []string{"127.0.0.1", "10.0.0.0/8"},
		"expiresAt": "2099-01-02T15:04:05+08:00"}).Expect(t, 200).Decode(t, &tk)
	if tk.UserID != owner.ID || tk.Username != owner.Username || !strings.HasPrefix(tk.Key, "sk-") || len(tk.Key) != 51 ||
		tk.KeyHint != tk.Key[:7]+"…"+tk.Key[len(tk.Key)-4:] || tk.Status != 1 || tk.ExpiresAt == nil {
		t.Fatalf("created = %+v", tk)
	}
	r := c.Get(t, fmt.Sprintf("/api/relay/tokens/%d", tk.ID)).Expect(t, 200)
	if strings.Contains(string(r.Raw), tk.Key) || strings.Contains(string(r.Raw), `"key"`) {
		t.Fatalf("the key came back after create: %s", r.Raw)
	}
	if code, _ := v1Status(t, tk.Key); code != 200 {
		t.Fatalf("/v1 with the new key = %d", code)
	}

	var upd tokenView
	c.Put(t, fmt.Sprintf("/api/relay/tokens/%d", tk.ID), map[string]any{"name": "ci2", "quotaLimit": 0}).
		Expect(t, 200).Decode(t, &upd)
	if upd.Name != "ci2" || upd.ExpiresAt != nil || len(upd.AllowedModels) != 0 || len(upd.AllowedIps) != 0 {
		t.Fatalf("updated = %+v", upd)
	}

	c.Put(t, fmt.Sprintf("/api/relay/tokens/%d/status", tk.ID), map[string]any{"status": 0}).Expect(t, 200)
	if code, reason := v1Status(t, tk.Key); code != 401 || reason != "token_disabled" {
		t.Fatalf("/v1 with a disabled token = %d %s", code, reason)
	}
	c.Put(t, fmt.Sprintf("/api/relay/tokens/%d/status", tk.ID), map[string]any{"status": 1}).Expect(t, 200)

	var rot tokenView
	c.Post(t, fmt.Sprintf("/api/relay/tokens/%d/rotate", tk.ID), nil).Expect(t, 200).Decode(t, &rot)
	if rot.Key == "" || rot.Key == tk.Key {
		t.Fatalf("rotate = %+v", rot)
	}
	if code, reason := v1Status(t, tk.Key); code != 401 || reason != "invalid_api_key" {
		t.Fatalf("/v1 with the rotated-away key = %d %s", code, reason)
	}
	if code, _ := v1Status(t, rot.Key); code != 200 {
		t.Fatalf("/v1 with the rotated key = %d", code)
	}

	c.Delete(t, fmt.Sprintf("/api/relay/tokens/%d", tk.ID)).Expect(t, 200)
	c.Get(t, fmt.Sprintf("/api/relay/tokens/%d", tk.ID)).Expect(t, 404)
	if code, reason := v1Status(t, rot.Key); code != 401 || reason != "invalid_api_key" {
		t.Fatalf("/v1 with a deleted token = %d %s", code, reason)
	}
}

func TestTokenBadInput(t *testing.T) {
	c := testkit.Current().Login(t, testkit.SeedUser(t, consts.RoleAgent, testkit.SuperAdmin(t)))
	for name, body := range map[string]map[string]any{
		"no name":    {"quotaLimit": 1},
		"bad ip":     {"name": "x", "allowedIps": []string{"nope"}},
		"bad expiry": {"name": "x", "expiresAt": "tomorrow"},
		"negative":   {"name": "x", "quotaLimit": -1},
	} {
		if r := c.Post(t, "/api/relay/tokens", body); r.Status != 400 {
			t.Errorf("%s: HTTP %d %s", name, r.Status, r.Raw)
		}
	}
}

func TestTokenLimit(t *testing.T) {
	testkit.SetSettings(t, map[string]any{"relay.maxTokensPerUser": 2})
	c := testkit.Current().Login(t, testkit.SeedUser(t, consts.RoleAgent, testkit.SuperAdmin(t)))
	for range 2 {
		c.Post(t, "/api/relay/tokens", map[string]any{"name": "a"}).Expect(t, 200)
	}
	r := c.Post(t, "/api/relay/tokens", map[string]any{"name": "a"}).Expect(t, 409)
	if r.ErrorCode() != "TOKEN_LIMIT_REACHED" {
		t.Fatalf("third token: %s", r.Raw)
	}
}

// TestTokenScope: every role against every token action on its own, a subtree's and a
// stranger's token — outside the scope is 404, as for a token that does not exist.
func TestTokenScope(t *testing.T) {
	env := testkit.Current()
	root := testkit.SuperAdmin(t)
	aa := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	child := testkit.SeedUser(t, consts.RoleAgent, aa)
	stranger := testkit.SeedUser(t, consts.RoleAgent, root)
	tokChild, _ := seedToken(t, child.ID, 0)
	tokStranger, _ := seedToken(t, stranger.ID, 0)

	cases := []struct {
		who    testkit.SeededUser
		token  int64
		target int64 // create for
		want   int
	}{
		{root, tokStranger, stranger.ID, 200},
		{aa, tokChild, child.ID, 200},
		{aa, tokStranger, stranger.ID, 404},
		{child, tokChild, child.ID, 200},
		{child, tokStranger, stranger.ID, 404},
		{stranger, tokChild, child.ID, 404},
	}
	for _, tc := range cases {
		c := env.Login(t, tc.who)
		p := fmt.Sprintf("/api/relay/tokens/%d", tc.token)
		got := []int{
			c.Get(t, p).Status,
			c.Put(t, p, map[string]any{"name": "n"}).Status,
			c.Put(t, p+"/status", map[string]any{"status": 1}).Status,
			c.Post(t, p+"/rotate", nil).Status,
			c.Post(t, "/api/relay/tokens", map[string]any{"name": "n", "userId": tc.target}).Status,
		}
		for i, g := range got {
			if g != tc.want {
				t.Errorf("%s on token %d, action %d: HTTP %d, want %d", tc.who.Role, tc.token, i, g, tc.want)
			}
		}
		var list struct {
			Items []tokenView `json:"items"`
			Total int         `json:"total"`
		}
		c.Get(t, fmt.Sprintf("/api/relay/tokens/list?userId=%d&pageSize=100", stranger.ID)).Expect(t, 200).Decode(t, &list)
		if sees := list.Total > 0; sees != (tc.who.Role == consts.RoleSuperAdmin || tc.who.ID == stranger.ID) {
			t.Errorf("%s sees the stranger's tokens: %v", tc.who.Role, sees)
		}
	}
}

func jsonDecode(r io.Reader, v any) error { return json.NewDecoder(r).Decode(v) }
