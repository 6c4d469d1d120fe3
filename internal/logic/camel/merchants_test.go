package camel_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

type merchant struct {
	ID              int64    `json:"id"`
	Name            string   `json:"name"`
	AppKey          string   `json:"appKey"`
	AppSecret       string   `json:"appSecret"`
	WebhookSecret   string   `json:"webhookSecret"`
	NotifyURL       string   `json:"notifyUrl"`
	RateLimit       int      `json:"rateLimit"`
	IPAllowList     []string `json:"ipAllowList"`
	Status          string   `json:"status"`
	PrevSecretUntil *string  `json:"prevSecretUntil"`
}

func merchantRow(t *testing.T, id int64) entity.CamelOilMerchant {
	t.Helper()
	var m entity.CamelOilMerchant
	if err := dao.CamelOilMerchant.Ctx(context.Background()).WherePri(id).Scan(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

func open(t *testing.T, purpose, sealed string) string {
	t.Helper()
	b, err := keyring.Open(purpose, sealed)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMerchantLifecycle(t *testing.T) {
	c := admin(t)
	var m merchant
	c.Post(t, "/api/camel-oil/merchants", map[string]any{"name": "shop", "notifyUrl": "http://127.0.0.1:9/cb",
		"ipAllowList": []string{"10.0.0.0/8", "127.0.0.1"}}).Expect(t, http.StatusOK).Decode(t, &m)
	if !strings.HasPrefix(m.AppKey, "ak_") || !strings.HasPrefix(m.AppSecret, "as_") ||
		!strings.HasPrefix(m.WebhookSecret, "whsec_") || m.RateLimit != 100 || m.Status != "active" || len(m.IPAllowList) != 2 {
		t.Fatalf("created %+v", m)
	}
	row := merchantRow(t, m.ID)
	if open(t, "camel_oil.merchant.appSecret", row.AppSecret) != m.AppSecret ||
		open(t, "camel_oil.merchant.webhookSecret", row.WebhookSecret) != m.WebhookSecret {
		t.Fatal("sealed secrets do not open to what was shown")
	}

	// The list never shows a secret.
	var list struct {
		Items []merchant `json:"items"`
		Total int        `json:"total"`
	}
	c.Get(t, "/api/camel-oil/merchants/list?keyword="+m.AppKey).Expect(t, http.StatusOK).Decode(t, &list)
	if list.Total != 1 || list.Items[0].AppSecret != "" || list.Items[0].WebhookSecret != "" {
		t.Fatalf("list %+v", list)
	}

	var got merchant
	c.Put(t, fmt.Sprintf("/api/camel-oil/merchants/%d", m.ID), map[string]any{"notifyUrl": "http://10.1.2.3/x", "rateLimit": 500}).
		Expect(t, http.StatusOK).Decode(t, &got)
	if got.NotifyURL != "http://10.1.2.3/x" || got.RateLimit != 500 {
		t.Fatalf("updated %+v", got)
	}
	c.Put(t, fmt.Sprintf("/api/camel-oil/merchants/%d/status", m.ID), map[string]any{"status": "disabled"}).
		Expect(t, http.StatusOK).Decode(t, &got)
	if got.Status != "disabled" {
		t.Fatalf("status %+v", got)
	}

	// Rotation: a new secret, the old one kept as the previous for 24 h.
	var rot merchant
	c.Post(t, fmt.Sprintf("/api/camel-oil/merchants/%d/secret/rotate", m.ID), nil).Expect(t, http.StatusOK).Decode(t, &rot)
	if rot.AppSecret == "" || rot.AppSecret == m.AppSecret || rot.PrevSecretUntil == nil || rot.AppKey != m.AppKey {
		t.Fatalf("rotated %+v", rot)
	}
	row = merchantRow(t, m.ID)
	if open(t, "camel_oil.merchant.appSecret", row.AppSecret) != rot.AppSecret ||
		open(t, "camel_oil.merchant.appSecret", row.PrevAppSecret) != m.AppSecret {
		t.Fatal("rotation did not keep the old secret as the previous one")
	}
}

func TestMerchantBadInputAndAccess(t *testing.T) {
	c := admin(t)
	for _, tc := range []struct {
		name string
		body map[string]any
	}{
		{"no name", map[string]any{}},
		{"bad url", map[string]any{"name": "x", "notifyUrl": "not a url"}},
		{"rate zero", map[string]any{"name": "x", "rateLimit": 0}},
		{"bad ip", map[string]any{"name": "x", "ipAllowList": []string{"999.1.1.1"}}},
		{"secret from the caller", map[string]any{"name": "x", "appSecret": "mine"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.Post(t, "/api/camel-oil/merchants", tc.body).Expect(t, http.StatusBadRequest)
		})
	}
	c.Put(t, "/api/camel-oil/merchants/999999999", map[string]any{"rateLimit": 5}).Expect(t, http.StatusNotFound)
	c.Post(t, "/api/camel-oil/merchants/999999999/secret/rotate", nil).Expect(t, http.StatusNotFound)

	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	for _, u := range []testkit.SeededUser{boss, testkit.SeedUser(t, consts.RoleAgent, boss)} {
		cl := testkit.Current().Login(t, u)
		cl.Get(t, "/api/camel-oil/merchants/list").Expect(t, http.StatusForbidden)
		cl.Post(t, "/api/camel-oil/merchants", map[string]any{"name": "x"}).Expect(t, http.StatusForbidden)
		cl.Put(t, "/api/camel-oil/merchants/1", map[string]any{"notifyUrl": "http://127.0.0.1/"}).Expect(t, http.StatusForbidden)
		cl.Put(t, "/api/camel-oil/merchants/1/status", map[string]any{"status": "disabled"}).Expect(t, http.StatusForbidden)
		cl.Post(t, "/api/camel-oil/merchants/1/secret/rotate", nil).Expect(t, http.StatusForbidden)
	}
}
