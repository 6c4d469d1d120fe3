package payment_test

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"kami/internal/adapter/alipay"
	"kami/internal/testkit"
)

// withAlipay points the real Alipay adapter, through the settings, at a fake gateway on
// 127.0.0.1; every node of the test follows the settings.
func withAlipay(t *testing.T) *alipay.FakeGateway {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	gw, err := alipay.NewFakeGateway("2021000000000001", &key.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(gw.Close)
	p8, _ := x509.MarshalPKCS8PrivateKey(key)
	testkit.SetSettings(t, map[string]any{
		"payment.channels":               []string{"alipay"},
		"payment.alipay.appId":           gw.AppID,
		"payment.alipay.gateway":         gw.URL,
		"payment.alipay.privateKey":      string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: p8})),
		"payment.alipay.alipayPublicKey": gw.PublicKeyPEM(),
	})
	return gw
}

// postForm posts a notification form as Alipay does.
func postForm(t *testing.T, base string, form url.Values) (int, string) {
	t.Helper()
	res, err := http.Post(base+"/api/payment/notify/alipay", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// The real adapter end to end: the QR code from precreate, the signed notify credits once,
// forged ones are refused, the refund goes to the gateway.
func TestAlipayEndToEnd(t *testing.T) {
	w := newWorld(t)
	gw := withAlipay(t)
	o := create(t, w.Agent1.C, 1234)
	if !strings.HasPrefix(o.PayURL, "https://qr.alipay.com/") || gw.Calls("alipay.trade.precreate") != 1 {
		t.Fatalf("created %+v", o)
	}
	base := testkit.Current().BaseURL
	form := gw.Pay(o.OutTradeNo, "12.34")
	for i := 0; i < 5; i++ {
		if st, body := postForm(t, base, form); st != 200 || body != "success" {
			t.Fatalf("notify %d: %d %s", i, st, body)
		}
	}
	if available(t, w.Agent1.ID) != 1234 || topupMovements(t, w.Agent1.ID) != 1 {
		t.Fatalf("available %d", available(t, w.Agent1.ID))
	}

	other := create(t, w.Agent2.C, 500)
	paid := gw.Pay(other.OutTradeNo, "5.00")
	wrongAmount := url.Values{}
	for k, v := range paid {
		wrongAmount[k] = v
	}
	wrongAmount.Set("total_amount", "0.01")
	cases := []struct {
		name string
		form url.Values
	}{
		{"altered after signing", wrongAmount},
		{"re-signed with another amount", gw.SignNotify(wrongAmount)},
		{"unknown order", gw.Pay("K-unknown", "5.00")},
		{"unsigned", url.Values{"out_trade_no": {other.OutTradeNo}, "total_amount": {"5.00"}, "trade_status": {"TRADE_SUCCESS"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if st, body := postForm(t, base, c.form); st != 400 || !strings.Contains(body, "PAYMENT_NOTIFY_INVALID") {
				t.Fatalf("%d %s", st, body)
			}
		})
	}
	if available(t, w.Agent2.ID) != 0 {
		t.Fatalf("a forged notify credited %d", available(t, w.Agent2.ID))
	}
	// The lost notify of the second order: the manual query finds it paid.
	var q order
	w.Agent2.C.Post(t, "/api/payment/orders/"+itoa(other.ID)+"/query", nil).Expect(t, http.StatusOK).Decode(t, &q)
	if q.Status != "paid" || available(t, w.Agent2.ID) != 500 {
		t.Fatalf("query: %s, available %d", q.Status, available(t, w.Agent2.ID))
	}
	w.Admin.C.Post(t, "/api/payment/orders/"+itoa(o.ID)+"/refund", nil).Expect(t, http.StatusOK)
	if gw.Refunds() != 1 || available(t, w.Agent1.ID) != 0 {
		t.Fatalf("refund: gateway %d, available %d", gw.Refunds(), available(t, w.Agent1.ID))
	}
}

// 20 concurrent notifies of one order, split over two server processes, credit exactly once.
func TestAlipayConcurrentNotifiesTwoNodes(t *testing.T) {
	w := newWorld(t)
	gw := withAlipay(t)
	second := testkit.Current().StartNode(t)
	o := create(t, w.Agent1.C, 800)
	form := gw.Pay(o.OutTradeNo, "8.00")
	bases := []string{testkit.Current().BaseURL, second.BaseURL}
	var wg sync.WaitGroup
	results := make([]string, 20)
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			res, err := http.Post(bases[i%2]+"/api/payment/notify/alipay", "application/x-www-form-urlencoded",
				strings.NewReader(form.Encode()))
			if err != nil {
				results[i] = err.Error()
				return
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			results[i] = res.Status + " " + string(b)
		}(i)
	}
	wg.Wait()
	for i, r := range results {
		if r != "200 OK success" {
			t.Errorf("notify %d: %s", i, r)
		}
	}
	if available(t, w.Agent1.ID) != 800 || topupMovements(t, w.Agent1.ID) != 1 {
		t.Fatalf("available %d, %d credits", available(t, w.Agent1.ID), topupMovements(t, w.Agent1.ID))
	}
}
