package quota_test

import (
	"context"
	"testing"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
)

// member is a seeded, logged-in user of the quota tests.
type member struct {
	testkit.SeededUser
	Client *testkit.Client
}

// family is one agent-admin with two agents under it, all logged in; admin is the super-admin.
type family struct {
	Admin         member
	Boss          member // the agent-admin
	Agent, Agent2 member
}

func login(t *testing.T, u testkit.SeededUser) member {
	t.Helper()
	return member{SeededUser: u, Client: testkit.Current().Login(t, u)}
}

func newFamily(t *testing.T) family {
	t.Helper()
	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	return family{
		Admin: login(t, root), Boss: login(t, boss),
		Agent:  login(t, testkit.SeedUser(t, consts.RoleAgent, boss)),
		Agent2: login(t, testkit.SeedUser(t, consts.RoleAgent, boss)),
	}
}

// fund gives a user amount units as a system credit through the Go API.
func fund(t *testing.T, userID, amount int64) {
	t.Helper()
	if _, err := service.Quota().Credit(context.Background(), nil, model.QuotaMove{
		UserID: userID, Amount: amount, Type: model.QuotaTypeSystemRecharge}); err != nil {
		t.Fatal(err)
	}
}

type balance struct {
	UserID    int64 `json:"userId"`
	Available int64 `json:"available"`
	Frozen    int64 `json:"frozen"`
}

// balanceOf reads the account straight from the service.
func balanceOf(t *testing.T, userID int64) balance {
	t.Helper()
	b, err := service.Quota().Balance(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	return balance{b.UserID, b.Available, b.Frozen}
}

// checkLedger asserts the invariants over the users given: each account equals the sum of its
// entries per bucket, and every movement's entries sum to zero.
func checkLedger(t *testing.T, users ...int64) {
	t.Helper()
	ctx := context.Background()
	for _, id := range users {
		b := balanceOf(t, id)
		for bucket, want := range map[string]int64{model.BucketAvailable: b.Available, model.BucketFrozen: b.Frozen} {
			sum, err := dao.QuotaEntries.Ctx(ctx).Where("user_id", id).Where("bucket", bucket).Sum("amount")
			if err != nil {
				t.Fatal(err)
			}
			if int64(sum) != want {
				t.Errorf("user %d %s: balance %d, entries sum to %d", id, bucket, want, int64(sum))
			}
			if want < 0 {
				t.Errorf("user %d %s is negative: %d", id, bucket, want)
			}
			// Every entry's balance_after is its part's running total: the balance the movement
			// left (movements of one account are serialised by its lock, so ids follow them).
			var entries []struct{ Id, Amount, BalanceAfter int64 }
			if err := dao.QuotaEntries.Ctx(ctx).Fields("id, amount, balance_after").Where("user_id", id).
				Where("bucket", bucket).OrderAsc("id").Scan(&entries); err != nil {
				t.Fatal(err)
			}
			var run int64
			for _, e := range entries {
				if run += e.Amount; e.BalanceAfter != run {
					t.Errorf("user %d %s: entry %d has balance_after %d, the running total is %d", id, bucket, e.Id, e.BalanceAfter, run)
					break
				}
			}
		}
	}
	var unbalanced []struct{ MovementId, S int64 }
	if err := dao.QuotaEntries.Ctx(ctx).Fields("movement_id, SUM(amount) AS s").Group("movement_id").
		Having("SUM(amount) <> 0").Scan(&unbalanced); err != nil {
		t.Fatal(err)
	}
	if len(unbalanced) > 0 {
		t.Errorf("movements whose entries do not sum to zero: %+v", unbalanced)
	}
}

// withKey is a copy of the client that sends the Idempotency-Key header.
func withKey(c *testkit.Client, key string) *testkit.Client {
	k := *c
	k.Header = c.Header.Clone()
	k.Header.Set("Idempotency-Key", key)
	return &k
}
