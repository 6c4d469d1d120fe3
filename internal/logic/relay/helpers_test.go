package relay_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/gogf/gf/v2/os/gtime"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"kami/internal/adapter/openaicompat"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/logic/relay"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/internal/testkit"
)

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// seedPrice writes (or replaces) the price of model.
func seedPrice(t testing.TB, model, mr, cr string) {
	t.Helper()
	ctx := context.Background()
	if _, err := dao.RelayPrices.Ctx(ctx).Where("model", model).Delete(); err != nil {
		t.Fatal(err)
	}
	if _, err := dao.RelayPrices.Ctx(ctx).Data(do.RelayPrices{Model: model, ModelRatio: mr, CompletionRatio: cr,
		CacheRatio: "1", ModelPrice: "0", Tokenizer: "o200k_base", OwnedBy: "kami", Enabled: 1,
		CreatedAt: gtime.Now()}).Insert(); err != nil {
		t.Fatal(err)
	}
}

// seedChannel adds an enabled channel at baseURL serving models to the default group, with
// one sealed key per entry of keys.
func seedChannel(t testing.TB, name, baseURL string, priority, weight int, models []string, keys ...string) int64 {
	t.Helper()
	ctx := context.Background()
	id, err := dao.RelayChannels.Ctx(ctx).Data(do.RelayChannels{Name: name, Type: "openai", BaseUrl: baseURL,
		Models: jsonText(models), ModelMapping: "{}", GroupCodes: `["default"]`, Priority: priority, Weight: weight,
		AutoBan: 1, Status: 1, Version: 1, CreatedAt: gtime.Now()}).InsertAndGetId()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		sealed, err := keyring.Seal("relay/channel-key", []byte(k))
		if err != nil {
			t.Fatal(err)
		}
		if _, err = dao.RelayChannelKeys.Ctx(ctx).Data(do.RelayChannelKeys{ChannelId: id, Secret: sealed,
			Hint: k[:3] + "…", Status: 1, CreatedAt: gtime.Now()}).Insert(); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		_, _ = dao.RelayChannels.Ctx(ctx).WherePri(id).Delete()
		_, _ = dao.RelayChannelKeys.Ctx(ctx).Where("channel_id", id).Delete()
		service.Relay().Invalidate(ctx)
	})
	return id
}

// seedToken creates a relay token for userID and returns its id and key.
func seedToken(t testing.TB, userID, quotaLimit int64, allowedModels ...string) (int64, string) {
	t.Helper()
	key, hash, hint, err := relay.NewTokenKey()
	if err != nil {
		t.Fatal(err)
	}
	if allowedModels == nil {
		allowedModels = []string{}
	}
	id, err := dao.RelayTokens.Ctx(context.Background()).Data(do.RelayTokens{UserId: userID, Name: "t", KeyHash: hash,
		KeyHint: hint, Status: 1, QuotaLimit: quotaLimit, AllowedModels: jsonText(allowedModels), AllowedIps: "[]",
		CreatedAt: gtime.Now()}).InsertAndGetId()
	if err != nil {
		t.Fatal(err)
	}
	return id, key
}

// agent is a fresh funded agent with a token.
type agent struct {
	UserID  int64
	TokenID int64
	Key     string
}

func newAgent(t testing.TB, funds, quotaLimit int64) agent {
	t.Helper()
	u := testkit.SeedUser(t, consts.RoleAgent, testkit.SuperAdmin(t))
	if funds > 0 {
		if _, err := service.Quota().Credit(context.Background(), nil, model.QuotaMove{
			UserID: u.ID, Amount: funds, Type: model.QuotaTypeSystemRecharge}); err != nil {
			t.Fatal(err)
		}
	}
	id, key := seedToken(t, u.ID, quotaLimit)
	return agent{UserID: u.ID, TokenID: id, Key: key}
}

// sdk is the official OpenAI client pointed at this server's /v1, without its own retries so
// a status can be asserted.
func sdk(key string) openai.Client {
	return openai.NewClient(option.WithBaseURL(testkit.Current().BaseURL+"/v1/"), option.WithAPIKey(key),
		option.WithMaxRetries(0))
}

// fakeUpstream starts a fake channel server for the test.
func fakeUpstream(t testing.TB) *openaicompat.Fake {
	f := openaicompat.NewFake()
	t.Cleanup(f.Close)
	return f
}

func balance(t testing.TB, userID int64) model.QuotaBalance {
	t.Helper()
	b, err := service.Quota().Balance(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// audit checks the settlement invariant for a user: every relay row settled, the ledger's net
// movement on relay references equals −Σ(quota − uncollected), nothing frozen.
func audit(t testing.TB, userID int64) {
	t.Helper()
	ctx := context.Background()
	pending, err := dao.RelayLogs.Ctx(ctx).Where("user_id", userID).Where("settle_state", "pending").Count()
	if err != nil || pending != 0 {
		t.Fatalf("pending relay rows = %d (%v)", pending, err)
	}
	charged, err := dao.RelayLogs.Ctx(ctx).Where("user_id", userID).Fields("COALESCE(SUM(quota - uncollected),0)").Value()
	if err != nil {
		t.Fatal(err)
	}
	net, err := dao.QuotaEntries.Ctx(ctx).Where("user_id", userID).WhereLike("ref", "relay:%").
		Fields("COALESCE(SUM(amount),0)").Value()
	if err != nil {
		t.Fatal(err)
	}
	if net.Int64() != -charged.Int64() {
		t.Fatalf("ledger net on relay refs = %d, committed quota = %d", net.Int64(), charged.Int64())
	}
	if b := balance(t, userID); b.Frozen != 0 || b.Available < 0 {
		t.Fatalf("balance after the audit = %+v", b)
	}
}

func countPending(userID int64) (int, error) {
	return dao.RelayLogs.Ctx(context.Background()).Where("user_id", userID).Where("settle_state", "pending").Count()
}
