package camel_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync/atomic"
	"testing"

	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

type account struct {
	ID              int64   `json:"id"`
	Phone           string  `json:"phone"`
	Status          string  `json:"status"`
	DailyLimit      int     `json:"dailyLimit"`
	DailyOrderCount int     `json:"dailyOrderCount"`
	Remark          string  `json:"remark"`
	Password        *string `json:"password"`
	Token           *string `json:"token"`
}

type history struct {
	Items []struct {
		FromStatus string `json:"fromStatus"`
		ToStatus   string `json:"toStatus"`
		Reason     string `json:"reason"`
		OperatorID int64  `json:"operatorId"`
	} `json:"items"`
	Total int `json:"total"`
}

var phoneSeq atomic.Int64

// newPhone is a phone no other test of this binary uses.
func newPhone() string { return fmt.Sprintf("139%08d", phoneSeq.Add(1)) }

func init() { phoneSeq.Store(rand.Int64N(50_000_000)) }

func admin(t testing.TB) *testkit.Client { return testkit.Current().Login(t, testkit.SuperAdmin(t)) }

func createAccount(t testing.TB, c *testkit.Client, body map[string]any) account {
	t.Helper()
	var a account
	c.Post(t, "/api/camel-oil/accounts", body).Expect(t, http.StatusOK).Decode(t, &a)
	return a
}

func TestAccountCRUD(t *testing.T) {
	c := admin(t)
	phone := newPhone()
	a := createAccount(t, c, map[string]any{"phone": phone, "password": "pw-123", "remark": "first"})
	if a.Status != "pending_login" || a.DailyLimit != 10 || a.Phone != phone || a.Password != nil || a.Token != nil {
		t.Fatalf("created %+v", a)
	}
	// The password is stored sealed and opens to what was sent.
	var row entity.CamelOilAccount
	if err := dao.CamelOilAccount.Ctx(context.Background()).WherePri(a.ID).Scan(&row); err != nil {
		t.Fatal(err)
	}
	if row.Password == "pw-123" {
		t.Fatal("password stored in clear")
	}
	if plain, err := keyring.Open("camel_oil.account", row.Password); err != nil || string(plain) != "pw-123" {
		t.Fatalf("sealed password opens to %q, %v", plain, err)
	}

	var got account
	c.Put(t, fmt.Sprintf("/api/camel-oil/accounts/%d", a.ID), map[string]any{"dailyLimit": 25, "remark": "changed"}).
		Expect(t, http.StatusOK).Decode(t, &got)
	if got.DailyLimit != 25 || got.Remark != "changed" {
		t.Fatalf("updated %+v", got)
	}
	var list struct {
		Items []account `json:"items"`
		Total int       `json:"total"`
	}
	c.Get(t, "/api/camel-oil/accounts/list?keyword="+phone[3:]).Expect(t, http.StatusOK).Decode(t, &list)
	if list.Total != 1 || list.Items[0].ID != a.ID {
		t.Fatalf("list by keyword: %+v", list)
	}

	// disable → enable, one history row each, with the operator.
	c.Put(t, fmt.Sprintf("/api/camel-oil/accounts/%d/status", a.ID), map[string]any{"status": "disabled"}).Expect(t, http.StatusOK)
	c.Put(t, fmt.Sprintf("/api/camel-oil/accounts/%d/status", a.ID), map[string]any{"status": "disabled"}).
		Expect(t, http.StatusConflict)
	c.Put(t, fmt.Sprintf("/api/camel-oil/accounts/%d/status", a.ID), map[string]any{"status": "pending_login"}).
		Expect(t, http.StatusOK).Decode(t, &got)
	if got.Status != "pending_login" {
		t.Fatalf("enabled: %+v", got)
	}
	// pending_login is not an enable target from pending_login.
	c.Put(t, fmt.Sprintf("/api/camel-oil/accounts/%d/status", a.ID), map[string]any{"status": "pending_login"}).
		Expect(t, http.StatusConflict)
	var h history
	c.Get(t, fmt.Sprintf("/api/camel-oil/accounts/%d/history", a.ID)).Expect(t, http.StatusOK).Decode(t, &h)
	if h.Total != 2 || h.Items[0].ToStatus != "pending_login" || h.Items[1].ToStatus != "disabled" || h.Items[1].OperatorID == 0 {
		t.Fatalf("history %+v", h)
	}

	// The same phone twice is a conflict; after a delete it can be added again.
	c.Post(t, "/api/camel-oil/accounts", map[string]any{"phone": phone}).Expect(t, http.StatusConflict)
	c.Delete(t, fmt.Sprintf("/api/camel-oil/accounts/%d", a.ID)).Expect(t, http.StatusOK)
	c.Get(t, fmt.Sprintf("/api/camel-oil/accounts/%d", a.ID)).Expect(t, http.StatusNotFound)
	createAccount(t, c, map[string]any{"phone": phone})
}

func TestAccountDeleteRefusedWithPendingOrders(t *testing.T) {
	c := admin(t)
	a := createAccount(t, c, map[string]any{"phone": newPhone()})
	if _, err := dao.CamelOilOrder.Ctx(context.Background()).Data(entity.CamelOilOrder{OrderNo: fmt.Sprintf("CO%018d", a.ID),
		MerchantId: 1, MerchantOrderNo: fmt.Sprint("m", a.ID), AccountId: a.ID, Amount: 100, Status: "pending_pay",
		NotifyStatus: "pending"}).OmitEmpty().Insert(); err != nil {
		t.Fatal(err)
	}
	c.Delete(t, fmt.Sprintf("/api/camel-oil/accounts/%d", a.ID)).Expect(t, http.StatusConflict)
}

func TestAccountBadInput(t *testing.T) {
	c := admin(t)
	for _, tc := range []struct {
		name string
		body map[string]any
	}{
		{"no phone", map[string]any{}},
		{"short phone", map[string]any{"phone": "1390000"}},
		{"not a mobile", map[string]any{"phone": "23900000000"}},
		{"limit zero", map[string]any{"phone": newPhone(), "dailyLimit": 0}},
		{"limit too high", map[string]any{"phone": newPhone(), "dailyLimit": 1001}},
		{"unknown field", map[string]any{"phone": newPhone(), "token": "x"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.Post(t, "/api/camel-oil/accounts", tc.body).Expect(t, http.StatusBadRequest)
		})
	}
	c.Get(t, "/api/camel-oil/accounts/999999999").Expect(t, http.StatusNotFound)
	c.Put(t, "/api/camel-oil/accounts/999999999/status", map[string]any{"status": "disabled"}).Expect(t, http.StatusNotFound)
	c.Put(t, "/api/camel-oil/accounts/1/status", map[string]any{"status": "online"}).Expect(t, http.StatusBadRequest)
}
