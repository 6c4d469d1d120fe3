package payment_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/logic/payment"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

type member struct {
	testkit.SeededUser
	C *testkit.Client
}

// world is the super-admin, an agent-admin with two agents, and another agent-admin's agent.
type world struct {
	Admin, Boss, Agent1, Agent2, Other member
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
	return world{Admin: login(t, root), Boss: login(t, boss),
		Agent1: login(t, testkit.SeedUser(t, consts.RoleAgent, boss)),
		Agent2: login(t, testkit.SeedUser(t, consts.RoleAgent, boss)),
		Other:  login(t, testkit.SeedUser(t, consts.RoleAgent, boss2))}
}

// withFake enables both channels with a fake provider behind alipay for the test.
func withFake(t *testing.T) *payment.Fake {
	t.Helper()
	f := payment.NewFake("fake-secret")
	old := payment.SetProvider(payment.ChannelAlipay, f)
	t.Cleanup(func() { payment.SetProvider(payment.ChannelAlipay, old) })
	testkit.SetSettings(t, map[string]any{"payment.channels": []string{"alipay"}})
	return f
}

type order struct {
	ID         int64  `json:"id"`
	UserID     int64  `json:"userId"`
	Channel    string `json:"channel"`
	OutTradeNo string `json:"outTradeNo"`
	TradeNo    string `json:"tradeNo"`
	Amount     int64  `json:"amount"`
	Status     string `json:"status"`
	PayURL     string `json:"payUrl"`
	Logs       []struct {
		Step   string `json:"step"`
		Result string `json:"result"`
	} `json:"logs"`
}

func create(t *testing.T, c *testkit.Client, amount int64) order {
	t.Helper()
	var o order
	c.Post(t, "/api/payment/orders", map[string]any{"channel": "alipay", "amount": amount}).
		Expect(t, http.StatusOK).Decode(t, &o)
	return o
}

func get(t *testing.T, c *testkit.Client, id int64) order {
	t.Helper()
	var o order
	c.Get(t, fmt.Sprintf("/api/payment/orders/%d", id)).Expect(t, http.StatusOK).Decode(t, &o)
	return o
}

// notify posts a provider notification as the provider would (no session).
func notify(t *testing.T, body []byte) *testkit.Resp {
	t.Helper()
	return testkit.Current().Client().Do(t, http.MethodPost, "/api/payment/notify/alipay", string(body))
}

func available(t *testing.T, userID int64) int64 {
	t.Helper()
	b, err := service.Quota().Balance(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	return b.Available
}

// topupMovements counts the user's top-up credits in the ledger.
func topupMovements(t *testing.T, userID int64) int {
	t.Helper()
	n, err := dao.QuotaEntries.Ctx(context.Background()).Where("type", payment.QuotaTypeTopup).
		Where("user_id", userID).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func logsOf(t *testing.T, outTradeNo string) []entity.PaymentLogs {
	t.Helper()
	var rows []entity.PaymentLogs
	if err := dao.PaymentLogs.Ctx(context.Background()).Where("out_trade_no", outTradeNo).OrderAsc("id").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	return rows
}
