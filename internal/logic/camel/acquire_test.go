package camel_test

import (
	"math/rand/v2"
	"net/http"
	"testing"

	"kami/internal/adapter/pigsms"
	"kami/internal/consts"
	"kami/internal/testkit"
)

// pointSMS aims the module's real SMS adapter at a fake Pig server through the settings.
func pointSMS(t *testing.T, c *testkit.Client) *pigsms.Fake { return pointSMSCode(t, c, "246810") }

// pointSMSCode is pointSMS with a fake whose numbers receive code.
func pointSMSCode(t *testing.T, c *testkit.Client, code string) *pigsms.Fake {
	f := pigsms.NewFake("pig-token", code)
	f.NumbersFrom(16000000000 + rand.IntN(900_000_000))
	t.Cleanup(func() {
		f.Close()
		c.Put(t, "/api/camel-oil/settings", map[string]any{"smsBaseUrl": "", "smsToken": "", "smsProjectId": ""}).
			Expect(t, http.StatusOK)
	})
	c.Put(t, "/api/camel-oil/settings", map[string]any{"smsBaseUrl": f.URL(), "smsToken": "pig-token",
		"smsProjectId": "7001"}).Expect(t, http.StatusOK)
	return f
}

func TestAcquireTakesNumbersFromTheSMSPlatform(t *testing.T) {
	c := admin(t)
	f := pointSMS(t, c)
	var res struct {
		Created int      `json:"created"`
		Phones  []string `json:"phones"`
	}
	c.Post(t, "/api/camel-oil/accounts/acquire", map[string]any{"count": 3, "dailyLimit": 5}).
		Expect(t, http.StatusOK).Decode(t, &res)
	if res.Created != 3 || len(res.Phones) != 3 {
		t.Fatalf("acquire %+v", res)
	}
	for _, p := range res.Phones {
		if f.Gets(p) != 1 || f.Releases(p) != 1 || f.Held(p) {
			t.Fatalf("%s: gets %d releases %d held %v", p, f.Gets(p), f.Releases(p), f.Held(p))
		}
		var list struct {
			Items []account `json:"items"`
		}
		c.Get(t, "/api/camel-oil/accounts/list?keyword="+p).Expect(t, http.StatusOK).Decode(t, &list)
		if len(list.Items) != 1 || list.Items[0].Status != "pending_login" || list.Items[0].DailyLimit != 5 {
			t.Fatalf("%s listed as %+v", p, list.Items)
		}
	}

	t.Run("bad input", func(t *testing.T) {
		for _, n := range []int{0, 51} {
			c.Post(t, "/api/camel-oil/accounts/acquire", map[string]any{"count": n}).Expect(t, http.StatusBadRequest)
		}
	})
	t.Run("sms platform refuses", func(t *testing.T) {
		c.Put(t, "/api/camel-oil/settings", map[string]any{"smsToken": "wrong"}).Expect(t, http.StatusOK)
		c.Post(t, "/api/camel-oil/accounts/acquire", map[string]any{"count": 1}).Expect(t, http.StatusServiceUnavailable)
		c.Put(t, "/api/camel-oil/settings", map[string]any{"smsToken": "pig-token"}).Expect(t, http.StatusOK)
	})
	t.Run("agent-admin", func(t *testing.T) {
		aa := testkit.Current().Login(t, testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t)))
		aa.Post(t, "/api/camel-oil/accounts/acquire", map[string]any{"count": 1}).Expect(t, http.StatusForbidden)
	})
}
