package relay_test

import (
	"fmt"
	"testing"

	"kami/internal/consts"
	"kami/internal/testkit"
)

type priceView struct {
	ID              int64  `json:"id"`
	Model           string `json:"model"`
	ModelRatio      string `json:"modelRatio"`
	CompletionRatio string `json:"completionRatio"`
	Enabled         bool   `json:"enabled"`
}

func TestPriceAdmin(t *testing.T) {
	env := testkit.Current()
	admin := env.Admin(t)
	model := testkit.UniqueName("m-")
	var p priceView
	admin.Post(t, "/api/relay/prices", map[string]any{"model": model, "modelRatio": "0.07", "completionRatio": "3"}).
		Expect(t, 200).Decode(t, &p)
	if p.ModelRatio != "0.07" || p.CompletionRatio != "3" || !p.Enabled {
		t.Fatalf("created = %+v", p)
	}
	if r := admin.Post(t, "/api/relay/prices", map[string]any{"model": model, "modelRatio": "1"}); r.Status != 409 {
		t.Fatalf("duplicate model: %d %s", r.Status, r.Raw)
	}
	for _, bad := range []string{"-1", "abc", "0.0000000001"} {
		if r := admin.Post(t, "/api/relay/prices", map[string]any{"model": model + "x", "modelRatio": bad}); r.Status != 400 {
			t.Errorf("modelRatio %q: HTTP %d", bad, r.Status)
		}
	}
	path := fmt.Sprintf("/api/relay/prices/%d", p.ID)
	admin.Put(t, path, map[string]any{"model": model, "modelRatio": "0.075", "completionRatio": "4"}).Expect(t, 200).Decode(t, &p)
	if p.ModelRatio != "0.075" {
		t.Fatalf("updated = %+v", p)
	}

	// Every role reads; only the super-admin edits (403 for a route the role may not call).
	aa := testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
	ag := testkit.SeedUser(t, consts.RoleAgent, aa)
	for _, u := range []testkit.SeededUser{aa, ag} {
		c := env.Login(t, u)
		c.Get(t, "/api/relay/prices/list?model="+model).Expect(t, 200)
		if r := c.Put(t, path, map[string]any{"model": model, "modelRatio": "9"}); r.Status != 403 {
			t.Errorf("%s edits a price: HTTP %d", u.Role, r.Status)
		}
		if r := c.Delete(t, path); r.Status != 403 {
			t.Errorf("%s deletes a price: HTTP %d", u.Role, r.Status)
		}
	}

	seedChannel(t, "c-"+model, "http://127.0.0.1:1", 0, 1, []string{model}, "sk-test-key-000")
	if r := admin.Delete(t, path); r.Status != 409 || r.ErrorCode() != "PRICE_IN_USE" {
		t.Fatalf("delete of a listed price: %d %s", r.Status, r.Raw)
	}
	if r := admin.Put(t, path, map[string]any{"model": model + "-renamed", "modelRatio": "1"}); r.Status != 409 ||
		r.ErrorCode() != "PRICE_IN_USE" {
		t.Fatalf("rename of a listed model: %d %s", r.Status, r.Raw)
	}
	admin.Put(t, path, map[string]any{"model": model, "modelRatio": "0.08"}).Expect(t, 200)
	var list struct {
		Items []priceView `json:"items"`
		Total int         `json:"total"`
	}
	admin.Get(t, "/api/relay/prices/list?model="+model).Expect(t, 200).Decode(t, &list)
	if list.Total != 1 || list.Items[0].ID != p.ID {
		t.Fatalf("list = %+v", list)
	}
	admin.Delete(t, fmt.Sprintf("/api/relay/prices/%d", p.ID+100000)).Expect(t, 404)
}

func TestPriceDeleteUnlisted(t *testing.T) {
	admin := testkit.Current().Admin(t)
	var p priceView
	admin.Post(t, "/api/relay/prices", map[string]any{"model": testkit.UniqueName("m-"), "modelRatio": "1"}).
		Expect(t, 200).Decode(t, &p)
	admin.Delete(t, fmt.Sprintf("/api/relay/prices/%d", p.ID)).Expect(t, 200)
	admin.Get(t, "/api/relay/prices/list").Expect(t, 200)
}
