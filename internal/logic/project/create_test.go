package project_test

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"net/http"
	"strings"
	"testing"

	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

func TestCreateAnswersTheSecretsOnceAndKeepsThemSealed(t *testing.T) {
	s := newStaff(t)
	p := create(t, s.Admin, nil)
	if p.ID == 0 || !strings.HasPrefix(p.AppKey, "ak_") || !strings.HasPrefix(p.AppSecret, "as_") ||
		!strings.HasPrefix(p.WebhookSecret, "whsec_") || p.Status != "active" {
		t.Fatalf("created %+v", p)
	}
	if len(p.Plans) != 2 || p.Plans[0].ID == 0 || p.Plans[1].DurationSeconds != 0 || p.Plans[1].MaxDevices != 3 {
		t.Fatalf("plans %+v", p.Plans)
	}
	want := settings{MaxUnbinds: 3, UnbindCooldown: 3600, VerifyAfterAuthEnd: true, RatePerApp: 12000, RatePerIp: 1200}
	if p.Settings != want {
		t.Fatalf("default settings %+v", p.Settings)
	}
	if p.SigningKey.Alg != "Ed25519" || p.SigningKey.Status != "active" || !strings.HasPrefix(p.SigningKey.Kid, "k_") {
		t.Fatalf("signing key %+v", p.SigningKey)
	}

	// Never again over HTTP, and never in the clear in the database.
	r := s.Admin.Get(t, path("/api/projects/%d", p.ID)).Expect(t, http.StatusOK)
	list := s.Admin.Get(t, "/api/projects/list?pageSize=100").Expect(t, http.StatusOK)
	for _, raw := range [][]byte{r.Raw, list.Raw} {
		if strings.Contains(string(raw), p.AppSecret) || strings.Contains(string(raw), p.WebhookSecret) ||
			strings.Contains(string(raw), "v1:") {
			t.Fatalf("a secret or its sealed copy was answered again: %s", raw)
		}
	}
	var row entity.Projects
	if err := dao.Projects.Ctx(context.Background()).WherePri(p.ID).Scan(&row); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(row.AppSecret, "v1:") || strings.Contains(row.AppSecret, p.AppSecret) ||
		!strings.HasPrefix(row.WebhookSecret, "v1:") || strings.Contains(row.WebhookSecret, p.WebhookSecret) {
		t.Fatalf("stored secrets are not sealed: %q %q", row.AppSecret, row.WebhookSecret)
	}

	// The OpenAPI's view opens them again, and the signing key pairs with the published one.
	c, err := service.Project().Credentials(context.Background(), p.AppKey)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Secrets) != 1 || string(c.Secrets[0]) != p.AppSecret || string(c.WebhookSecret) != p.WebhookSecret ||
		c.Kid != p.SigningKey.Kid || c.ProjectID != p.ID {
		t.Fatalf("credentials %+v", c)
	}
	pub, err := base64.StdEncoding.DecodeString(p.SigningKey.PublicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		t.Fatalf("public key %q: %v", p.SigningKey.PublicKey, err)
	}
	msg := []byte("KAMI-ED25519\nnonce")
	if !ed25519.Verify(pub, msg, ed25519.Sign(c.SigningKey, msg)) {
		t.Fatal("the private key does not match the published public key")
	}
	if _, err = service.Project().Credentials(context.Background(), "ak_unknown"); err == nil {
		t.Fatal("an unknown appKey opened credentials")
	}
}

func TestCreateRefusesBadInput(t *testing.T) {
	s := newStaff(t)
	taken := create(t, s.Admin, nil)
	long := strings.Repeat("x", 65)
	cases := []struct {
		name   string
		body   any
		status int
		reason string
	}{
		{"name missing", body(map[string]any{"name": nil}), 400, "INVALID_INPUT"},
		{"name blank", body(map[string]any{"name": "   "}), 400, "INVALID_INPUT"},
		{"name too long", body(map[string]any{"name": long}), 400, "INVALID_INPUT"},
		{"no plans", body(map[string]any{"plans": []any{}}), 400, "INVALID_INPUT"},
		{"plans missing", body(map[string]any{"plans": nil}), 400, "INVALID_INPUT"},
		{"plan without name", body(map[string]any{"plans": []map[string]any{{"durationSeconds": 60, "price": 1, "maxDevices": 1}}}), 400, "INVALID_INPUT"},
		{"plan without devices", body(map[string]any{"plans": []map[string]any{{"name": "a", "durationSeconds": 60, "price": 1, "maxDevices": 0}}}), 400, "INVALID_INPUT"},
		{"negative price", body(map[string]any{"plans": []map[string]any{{"name": "a", "durationSeconds": 60, "price": -1, "maxDevices": 1}}}), 400, "INVALID_INPUT"},
		{"negative duration", body(map[string]any{"plans": []map[string]any{{"name": "a", "durationSeconds": -1, "price": 1, "maxDevices": 1}}}), 400, "INVALID_INPUT"},
		{"bad callback url", body(map[string]any{"callbackUrl": "not a url"}), 400, "INVALID_INPUT"},
		{"unknown event", body(map[string]any{"callbackEvents": []string{"card.stolen"}}), 400, "INVALID_INPUT"},
		{"bad setting", body(map[string]any{"settings": map[string]any{"maxUnbinds": -1}}), 400, "INVALID_INPUT"},
		{"unknown field", body(map[string]any{"appSecret": "mine"}), 400, "UNKNOWN_FIELD"},
		{"malformed json", "{nope", 400, "INVALID_INPUT"},
		{"same plan twice", body(map[string]any{"plans": []map[string]any{
			{"name": "a", "durationSeconds": 60, "price": 1, "maxDevices": 1}, {"name": "a", "durationSeconds": 60, "price": 2, "maxDevices": 1}}}), 409, "DUPLICATE"},
		{"name taken", body(map[string]any{"name": taken.Name}), 409, "DUPLICATE"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			projects, plans, keys := count(t, "projects"), count(t, "project_plans"), count(t, "project_signing_keys")
			expectError(t, s.Admin.Post(t, "/api/projects", c.body), c.status, c.reason)
			if count(t, "projects") != projects || count(t, "project_plans") != plans || count(t, "project_signing_keys") != keys {
				t.Fatal("a refused create wrote rows")
			}
		})
	}
}

func TestCreateWithSettingsAndPermanentPlan(t *testing.T) {
	s := newStaff(t)
	p := create(t, s.Admin, map[string]any{
		"settings": map[string]any{"maxUnbinds": 0, "verifyAfterAuthEnd": false, "ratePerIp": 0},
		"plans":    []map[string]any{{"name": "lifetime", "price": 0, "maxDevices": 1}},
	})
	want := settings{MaxUnbinds: 0, UnbindCooldown: 3600, VerifyAfterAuthEnd: false, RatePerApp: 12000, RatePerIp: 0}
	if p.Settings != want {
		t.Fatalf("settings %+v, want %+v", p.Settings, want)
	}
	if len(p.Plans) != 1 || p.Plans[0].DurationSeconds != 0 || p.Plans[0].Price != 0 {
		t.Fatalf("an absent duration is a permanent plan: %+v", p.Plans)
	}
}

// TestRoleRules: projects and plans are the super-admin's to manage; the other roles read the
// active ones without the super-admin's fields, and see whether they are authorized.
func TestRoleRules(t *testing.T) {
	s := newStaff(t)
	p := create(t, s.Admin, nil)
	planPath := path("/api/projects/%d/plans/%d", p.ID, p.Plans[0].ID)
	writes := []struct {
		name, method, path string
		body               any
	}{
		{"create", "POST", "/api/projects", body(nil)},
		{"update", "PUT", path("/api/projects/%d", p.ID), map[string]any{"name": "mine"}},
		{"status", "PUT", path("/api/projects/%d/status", p.ID), map[string]any{"status": "disabled"}},
		{"rotate secret", "POST", path("/api/projects/%d/secret/rotate", p.ID), nil},
		{"rotate signing key", "POST", path("/api/projects/%d/signing-key/rotate", p.ID), nil},
		{"add plan", "POST", path("/api/projects/%d/plans", p.ID), map[string]any{"name": "x", "maxDevices": 1}},
		{"edit plan", "PUT", planPath, map[string]any{"price": 1}},
		{"plan status", "PUT", planPath + "/status", map[string]any{"status": "disabled"}},
		{"delete plan", "DELETE", planPath, nil},
	}
	for _, who := range []struct {
		name string
		c    *testkit.Client
	}{{"agent-admin", s.Boss}, {"agent", s.Agent}} {
		for _, w := range writes {
			t.Run(who.name+" cannot "+w.name, func(t *testing.T) {
				expectError(t, who.c.Do(t, w.method, w.path, w.body), 403, "FORBIDDEN")
			})
		}
		t.Run(who.name+" reads active projects", func(t *testing.T) {
			var list struct {
				Items []project `json:"items"`
			}
			r := who.c.Get(t, "/api/projects/list?pageSize=100").Expect(t, 200)
			r.Decode(t, &list)
			found := false
			for _, it := range list.Items {
				if it.ID == p.ID {
					found = true
					if it.AppKey != "" || it.CallbackURL != "" || it.Authorized == nil || *it.Authorized {
						t.Fatalf("a non-admin sees %+v", it)
					}
				}
			}
			if !found {
				t.Fatalf("project %d missing from %s", p.ID, r.Raw)
			}
			var one project
			who.c.Get(t, path("/api/projects/%d", p.ID)).Expect(t, 200).Decode(t, &one)
			if one.AppKey != "" || len(one.SigningKeys) != 0 || len(one.Plans) != 2 {
				t.Fatalf("a non-admin's detail %+v", one)
			}
		})
	}
	t.Run("super-admin sees its fields", func(t *testing.T) {
		var one project
		s.Admin.Get(t, path("/api/projects/%d", p.ID)).Expect(t, 200).Decode(t, &one)
		if one.AppKey != p.AppKey || one.CallbackURL != "https://example.com/hook" || len(one.SigningKeys) != 1 || one.Authorized != nil {
			t.Fatalf("the super-admin's detail %+v", one)
		}
	})
}

func TestUpdateKeepsAbsentFieldsAndStatusHidesFromOthers(t *testing.T) {
	s := newStaff(t)
	p := create(t, s.Admin, nil)
	var up project
	s.Admin.Put(t, path("/api/projects/%d", p.ID), map[string]any{
		"version": "2.0.0", "callbackEvents": []string{}, "settings": map[string]any{"maxUnbinds": 7},
	}).Expect(t, 200).Decode(t, &up)
	if up.Version != "2.0.0" || up.Name != p.Name || up.Description != "a product" || up.CallbackURL != "https://example.com/hook" ||
		len(up.CallbackEvents) != 0 || up.Settings.MaxUnbinds != 7 || up.Settings.UnbindCooldown != 3600 {
		t.Fatalf("updated %+v", up)
	}
	other := create(t, s.Admin, nil)
	expectError(t, s.Admin.Put(t, path("/api/projects/%d", p.ID), map[string]any{"name": other.Name}), 409, "DUPLICATE")
	expectError(t, s.Admin.Put(t, path("/api/projects/%d", p.ID), map[string]any{"callbackUrl": "ftp:/x y"}), 400, "INVALID_INPUT")
	expectError(t, s.Admin.Put(t, "/api/projects/999999999", map[string]any{"version": "3"}), 404, "NOT_FOUND")

	var off project
	s.Admin.Put(t, path("/api/projects/%d/status", p.ID), map[string]any{"status": "disabled"}).Expect(t, 200).Decode(t, &off)
	if off.Status != "disabled" {
		t.Fatalf("status %+v", off)
	}
	expectError(t, s.Admin.Put(t, path("/api/projects/%d/status", p.ID), map[string]any{"status": "gone"}), 400, "INVALID_INPUT")
	expectError(t, s.Agent.Get(t, path("/api/projects/%d", p.ID)), 404, "NOT_FOUND")
	expectError(t, s.Agent.Get(t, path("/api/projects/%d/plans/list", p.ID)), 404, "NOT_FOUND")
	r := s.Agent.Get(t, "/api/projects/list?pageSize=100").Expect(t, 200)
	if strings.Contains(string(r.Raw), p.Name) {
		t.Fatalf("a disabled project is listed to an agent: %s", r.Raw)
	}
	s.Admin.Get(t, path("/api/projects/%d", p.ID)).Expect(t, 200)
}
