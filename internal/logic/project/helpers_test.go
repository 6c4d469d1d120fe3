package project_test

import (
	"context"
	"fmt"
	"kami/internal/config"
	"net/http"
	"testing"
	"time"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/testkit"
)

// staff are the logged-in callers of the project tests.
type staff struct {
	Admin, Boss, Agent  *testkit.Client
	BossUser, AgentUser testkit.SeededUser
}

func newStaff(t *testing.T) staff {
	t.Helper()
	env := testkit.Current()
	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	agent := testkit.SeedUser(t, consts.RoleAgent, boss)
	return staff{Admin: env.Login(t, root), Boss: env.Login(t, boss), Agent: env.Login(t, agent), BossUser: boss, AgentUser: agent}
}

type plan struct {
	ID              int64  `json:"id"`
	ProjectID       int64  `json:"projectId"`
	Name            string `json:"name"`
	DurationSeconds int64  `json:"durationSeconds"`
	Price           int64  `json:"price"`
	MaxDevices      int    `json:"maxDevices"`
	Status          string `json:"status"`
	Sort            int    `json:"sort"`
}

type signingKey struct {
	Kid       string  `json:"kid"`
	Alg       string  `json:"alg"`
	PublicKey string  `json:"publicKey"`
	Status    string  `json:"status"`
	RetireAt  *string `json:"retireAt"`
}

type settings struct {
	MaxUnbinds         int  `json:"maxUnbinds"`
	UnbindCooldown     int  `json:"unbindCooldown"`
	VerifyAfterAuthEnd bool `json:"verifyAfterAuthEnd"`
	RatePerApp         int  `json:"ratePerApp"`
	RatePerIp          int  `json:"ratePerIp"`
}

type project struct {
	ID              int64        `json:"id"`
	Name            string       `json:"name"`
	Description     string       `json:"description"`
	Version         string       `json:"version"`
	Status          string       `json:"status"`
	Settings        settings     `json:"settings"`
	AppKey          string       `json:"appKey"`
	AppSecret       string       `json:"appSecret"`
	WebhookSecret   string       `json:"webhookSecret"`
	CallbackURL     string       `json:"callbackUrl"`
	CallbackEvents  []string     `json:"callbackEvents"`
	PrevSecretUntil *string      `json:"prevSecretUntil"`
	Authorized      *bool        `json:"authorized"`
	Plans           []plan       `json:"plans"`
	SigningKey      signingKey   `json:"signingKey"`
	SigningKeys     []signingKey `json:"signingKeys"`
}

// body is a valid create request, changed by the entries of change (nil deletes a field).
func body(change map[string]any) map[string]any {
	b := map[string]any{
		"name": testkit.UniqueName("proj"), "description": "a product", "version": "1.0.0",
		"callbackUrl": "https://example.com/hook", "callbackEvents": []string{"card.activated", "card.expired"},
		"plans": []map[string]any{
			{"name": "month", "durationSeconds": 30 * 86400, "price": 500, "maxDevices": 1},
			{"name": "forever", "durationSeconds": 0, "price": 5000, "maxDevices": 3},
		},
	}
	for k, v := range change {
		if v == nil {
			delete(b, k)
		} else {
			b[k] = v
		}
	}
	return b
}

func create(t *testing.T, admin *testkit.Client, change map[string]any) project {
	t.Helper()
	var p project
	admin.Post(t, "/api/projects", body(change)).Expect(t, http.StatusOK).Decode(t, &p)
	return p
}

func count(t *testing.T, table string) int {
	t.Helper()
	n, err := dao.Projects.DB().Model(table).Ctx(context.Background()).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func expectError(t *testing.T, r *testkit.Resp, status int, reason string) {
	t.Helper()
	if r.Status != status || r.ErrorCode() != reason {
		t.Fatalf("HTTP %d %s, want %d %s: %s", r.Status, r.ErrorCode(), status, reason, r.Raw)
	}
}

func path(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// freeze stops the shared clock at a whole second for the rest of the test.
func freeze(t *testing.T) time.Time {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Second)
	// The clock moves by hours or days here; the test's logins must outlive that.
	testkit.SetConfig(t, func(c *config.Config) {
		c.Auth.AccessTTL, c.Auth.RefreshTTL = 365*24*time.Hour, 365*24*time.Hour
	})
	testkit.SharedClock{}.Freeze(t, now)
	t.Cleanup(func() { testkit.SharedClock{}.Release(t) })
	return now
}
