package camel_test

import (
	"net/http"
	"testing"

	"kami/internal/consts"
	"kami/internal/testkit"
)

type camelSettings struct {
	PlatformBaseURL   string `json:"platformBaseUrl"`
	SMSTokenSet       bool   `json:"smsTokenSet"`
	SMSToken          string `json:"smsToken"`
	SMSPollMs         int64  `json:"smsPollMs"`
	DefaultDailyLimit int64  `json:"defaultDailyLimit"`
	MinAmount         int64  `json:"minAmount"`
	MaxAmount         int64  `json:"maxAmount"`
}

func TestSettingsView(t *testing.T) {
	c := admin(t)
	var s camelSettings
	c.Get(t, "/api/camel-oil/settings").Expect(t, http.StatusOK).Decode(t, &s)
	if s.DefaultDailyLimit != 10 || s.SMSPollMs != 3000 || s.MinAmount != 100 || s.MaxAmount != 100000 || s.SMSTokenSet {
		t.Fatalf("defaults %+v", s)
	}
	t.Cleanup(func() {
		c.Put(t, "/api/camel-oil/settings", map[string]any{"defaultDailyLimit": 10, "smsToken": "",
			"platformBaseUrl": ""}).Expect(t, http.StatusOK)
	})
	c.Put(t, "/api/camel-oil/settings", map[string]any{"defaultDailyLimit": 7, "smsToken": "tok",
		"platformBaseUrl": "http://127.0.0.1:1"}).Expect(t, http.StatusOK).Decode(t, &s)
	if s.DefaultDailyLimit != 7 || !s.SMSTokenSet || s.SMSToken != "" || s.PlatformBaseURL != "http://127.0.0.1:1" {
		t.Fatalf("after PUT %+v", s)
	}
	// A new account takes the new default.
	if a := createAccount(t, c, map[string]any{"phone": newPhone()}); a.DailyLimit != 7 {
		t.Fatalf("new account's limit %d", a.DailyLimit)
	}
	for name, body := range map[string]map[string]any{
		"poll too fast": {"smsPollMs": 50}, "min above max": {"minAmount": 200000}, "unknown": {"nope": 1},
	} {
		t.Run(name, func(t *testing.T) { c.Put(t, "/api/camel-oil/settings", body).Expect(t, http.StatusBadRequest) })
	}
	agentAdmin := testkit.Current().Login(t, testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t)))
	agentAdmin.Get(t, "/api/camel-oil/settings").Expect(t, http.StatusForbidden)
	agentAdmin.Put(t, "/api/camel-oil/settings", map[string]any{"smsPollMs": 500}).Expect(t, http.StatusForbidden)
}
