package openapi_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"testing"
	"time"

	"kami/internal/config"
	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/testkit"
	"kami/sdk/go/kami"
)

// proj is a project created through the admin API, with its secrets as shown once.
type proj struct {
	ID            int64  `json:"id"`
	AppKey        string `json:"appKey"`
	AppSecret     string `json:"appSecret"`
	WebhookSecret string `json:"webhookSecret"`
	Plans         []struct {
		ID int64 `json:"id"`
	} `json:"plans"`
}

func (p proj) plan() int64 { return p.Plans[0].ID }

// newProject creates a project of one plan (duration seconds, maxDevices) with no rate
// limits unless settings say otherwise; extra adds top-level fields (callbackUrl...).
func newProject(t testing.TB, admin *testkit.Client, duration int64, maxDevices int, extra map[string]any) proj {
	t.Helper()
	body := map[string]any{
		"name":     testkit.UniqueName("oa"),
		"settings": map[string]any{"ratePerApp": 0, "ratePerIp": 0},
		"plans":    []map[string]any{{"name": "plan", "durationSeconds": duration, "price": 0, "maxDevices": maxDevices}},
	}
	for k, v := range extra {
		body[k] = v
	}
	var p proj
	admin.Post(t, "/api/projects", body).Expect(t, http.StatusOK).Decode(t, &p)
	return p
}

// keys generates n cards of the project's plan by c and answers their keys (read back as the
// export does) in card id order.
func keys(t testing.TB, c *testkit.Client, p proj, n int) []string {
	t.Helper()
	var b struct {
		ID int64 `json:"id"`
	}
	c.Post(t, "/api/cards/batches", map[string]any{"projectId": p.ID, "planId": p.plan(), "count": n}).
		Expect(t, http.StatusOK).Decode(t, &b)
	var rows []entity.Cards
	if err := dao.Cards.Ctx(context.Background()).Where("batch_id", b.ID).OrderAsc("id").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		k, err := keyring.Open(model.CardKeyPurpose, r.KeySealed)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = string(k)
	}
	return out
}

// ipTransport sends every request from one made-up client address (the test server trusts
// X-Forwarded-For from loopback), so tests do not share the per-IP limits and bans.
type ipTransport struct{ ip string }

func (t ipTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-Forwarded-For", t.ip)
	return http.DefaultTransport.RoundTrip(r)
}

func randomIP() string {
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	return fmt.Sprintf("10.%d.%d.%d", b[0], b[1], b[2])
}

// sdk is the project's SDK client against base, on the shared clock, from its own IP.
func sdk(p proj, base string, opts ...kami.Option) *kami.Client {
	hc := &http.Client{Timeout: 30 * time.Second, Transport: ipTransport{randomIP()}}
	all := append([]kami.Option{kami.WithHTTPClient(hc), kami.WithClock(testkit.SharedClock{}.Now)}, opts...)
	return kami.New(base, p.AppKey, []byte(p.AppSecret), all...)
}

func local(p proj, opts ...kami.Option) *kami.Client {
	return sdk(p, testkit.Current().BaseURL, opts...)
}

func verify(t testing.TB, c *kami.Client, card, device string) *kami.VerifyResult {
	t.Helper()
	r, err := c.Verify(context.Background(), card, device, "1.0")
	if err != nil {
		t.Fatalf("verify %s from %s: %v", card, device, err)
	}
	return r
}

func expectResult(t testing.TB, r *kami.VerifyResult, want string) {
	t.Helper()
	if r.Result != want || r.Valid != (want == kami.ResultValid) {
		t.Fatalf("result %s (valid %v), want %s: %+v", r.Result, r.Valid, want, r)
	}
}

func expectCode(t testing.TB, err error, status int, machine string) *kami.APIError {
	t.Helper()
	e, ok := err.(*kami.APIError)
	if !ok || e.HTTPStatus != status || e.Err != machine {
		t.Fatalf("error %v, want HTTP %d %s", err, status, machine)
	}
	return e
}

// freeze stops the shared clock at a whole second for the rest of the test (sessions last
// the year so that moving it does not log anyone out).
func freeze(t *testing.T) time.Time {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Second)
	testkit.SetConfig(t, func(c *config.Config) {
		c.Auth.AccessTTL, c.Auth.RefreshTTL = 365*24*time.Hour, 365*24*time.Hour
	})
	testkit.SharedClock{}.Freeze(t, now)
	t.Cleanup(func() { testkit.SharedClock{}.Release(t) })
	return now
}

func device() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return "dev-" + hex.EncodeToString(b)
}

func path(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// cardID is the id of the project's card with key, from the database.
func cardID(t testing.TB, p proj, key string) int64 {
	t.Helper()
	v, err := dao.Cards.Ctx(context.Background()).Fields("id").Where("project_id", p.ID).
		Where("key_hash", keyring.LookupHash(model.CardKeyPurpose, model.NormalizeCardKey(key))).Value()
	if err != nil || v.Int64() == 0 {
		t.Fatalf("card %s: %v", key, err)
	}
	return v.Int64()
}

func batchOf(t testing.TB, cardID int64) int64 {
	t.Helper()
	v, err := dao.Cards.Ctx(context.Background()).Fields("batch_id").WherePri(cardID).Value()
	if err != nil {
		t.Fatal(err)
	}
	return v.Int64()
}

func setCardStatus(t testing.TB, admin *testkit.Client, id int64, status string) {
	t.Helper()
	admin.Put(t, path("/api/cards/%d/status", id), map[string]any{"status": status}).Expect(t, http.StatusOK)
}
