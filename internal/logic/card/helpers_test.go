package card_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"kami/internal/config"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// member is a seeded, logged-in user.
type member struct {
	testkit.SeededUser
	C *testkit.Client
}

// world is two agent-admins with their agents and the super-admin.
type world struct {
	Admin                member
	Boss, Agent1, Agent2 member // Boss's family
	Boss2, Other         member // another agent-admin and its agent
}

func login(t *testing.T, u testkit.SeededUser) member {
	t.Helper()
	return member{SeededUser: u, C: testkit.Current().Login(t, u)}
}

func newWorld(t *testing.T) world {
	t.Helper()
	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	boss2 := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	return world{
		Admin: login(t, root), Boss: login(t, boss),
		Agent1: login(t, testkit.SeedUser(t, consts.RoleAgent, boss)),
		Agent2: login(t, testkit.SeedUser(t, consts.RoleAgent, boss)),
		Boss2:  login(t, boss2), Other: login(t, testkit.SeedUser(t, consts.RoleAgent, boss2)),
	}
}

type project struct {
	ID    int64 `json:"id"`
	Plans []struct {
		ID    int64 `json:"id"`
		Price int64 `json:"price"`
	} `json:"plans"`
}

// newProject creates an active project with one plan of price units (30 days, 1 device) and
// answers its id and the plan's.
func newProject(t testing.TB, admin *testkit.Client, price int64) (int64, int64) {
	t.Helper()
	var p project
	admin.Post(t, "/api/projects", map[string]any{
		"name":  testkit.UniqueName("p"),
		"plans": []map[string]any{{"name": "month", "durationSeconds": 2592000, "price": price, "maxDevices": 1}},
	}).Expect(t, http.StatusOK).Decode(t, &p)
	return p.ID, p.Plans[0].ID
}

// authorize grants the user the project (by the super-admin, never ending).
func authorize(t testing.TB, admin *testkit.Client, projectID, userID int64) {
	t.Helper()
	admin.Post(t, "/api/authorizations", map[string]any{"projectId": projectID, "agentId": userID}).Expect(t, http.StatusOK)
}

// fund gives a user amount units as a system credit through the Go API.
func fund(t testing.TB, userID, amount int64) {
	t.Helper()
	if _, err := service.Quota().Credit(context.Background(), nil, model.QuotaMove{
		UserID: userID, Amount: amount, Type: model.QuotaTypeSystemRecharge}); err != nil {
		t.Fatal(err)
	}
}

func balanceOf(t *testing.T, userID int64) model.QuotaBalance {
	t.Helper()
	b, err := service.Quota().Balance(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type batch struct {
	ID        int64          `json:"id"`
	ProjectID int64          `json:"projectId"`
	PlanID    int64          `json:"planId"`
	OwnerID   int64          `json:"ownerId"`
	Count     int            `json:"count"`
	Price     int64          `json:"price"`
	Cost      int64          `json:"cost"`
	Remark    string         `json:"remark"`
	Status    string         `json:"status"`
	Cards     map[string]int `json:"cards"`
}

func createBatch(t *testing.T, c *testkit.Client, projectID, planID int64, count int) *testkit.Resp {
	t.Helper()
	return c.Post(t, "/api/cards/batches", map[string]any{"projectId": projectID, "planId": planID, "count": count})
}

func created(t *testing.T, c *testkit.Client, projectID, planID int64, count int) batch {
	t.Helper()
	var b batch
	createBatch(t, c, projectID, planID, count).Expect(t, http.StatusOK).Decode(t, &b)
	return b
}

// cardsOf reads a batch's card rows straight from the database.
func cardsOf(t *testing.T, batchID int64) []entity.Cards {
	t.Helper()
	var rows []entity.Cards
	if err := dao.Cards.Ctx(context.Background()).Where("batch_id", batchID).OrderAsc("id").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

func batchCount(t *testing.T, ownerID int64) int {
	t.Helper()
	n, err := dao.CardBatches.Ctx(context.Background()).Where("owner_id", ownerID).Count()
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

// withKey is a copy of the client that sends the Idempotency-Key header.
func withKey(c *testkit.Client, key string) *testkit.Client {
	k := *c
	k.Header = c.Header.Clone()
	k.Header.Set("Idempotency-Key", key)
	return &k
}

// freeze stops the shared clock at a whole second for the rest of the test.
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

func serviceQuota() service.IQuota { return service.Quota() }

func itoa(n int64) string { return fmt.Sprint(n) }

// exportedKey is the plain key of a card, as the export reads it back.
func exportedKey(t *testing.T, c entity.Cards) string {
	t.Helper()
	k, err := keyring.Open(model.CardKeyPurpose, c.KeySealed)
	if err != nil {
		t.Fatal(err)
	}
	return string(k)
}

func lowerNoDash(k string) string { return strings.ToLower(strings.ReplaceAll(k, "-", "")) }
