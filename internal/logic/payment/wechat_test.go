package payment_test

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"io"
	"net/http"
	"strings"
	"testing"

	"kami/internal/adapter/wechatpay"
	"kami/internal/testkit"
)

const testAPIv3Key = "0123456789abcdef0123456789abcdef"

// withWechat points the real WeChat Pay adapter at a fake API server on 127.0.0.1.
func withWechat(t *testing.T) *wechatpay.FakeServer {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := wechatpay.NewFakeServer("wx0000000000000001", "1900000001", testAPIv3Key, &key.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	p8, _ := x509.MarshalPKCS8PrivateKey(key)
	testkit.SetSettings(t, map[string]any{
		"payment.channels":                   []string{"wechat"},
		"payment.wechat.appId":               srv.AppID,
		"payment.wechat.mchId":               srv.MchID,
		"payment.wechat.serialNo":            "MER-SERIAL",
		"payment.wechat.privateKey":          string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: p8})),
		"payment.wechat.apiV3Key":            testAPIv3Key,
		"payment.wechat.platformPublicKey":   srv.PublicKeyPEM(),
		"payment.wechat.platformPublicKeyId": srv.Serial,
		"payment.wechat.baseUrl":             srv.URL,
	})
	return srv
}

func postWechat(t *testing.T, h http.Header, body []byte) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, testkit.Current().BaseURL+"/api/payment/notify/wechat", bytes.NewReader(body))
	for k, v := range h {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// Native pay through the real adapter: the code_url, the encrypted and signed notify credits
// once (replayed 5 times), forged ones are refused, the refund reaches the server.
func TestWechatEndToEnd(t *testing.T) {
	w := newWorld(t)
	srv := withWechat(t)
	var o order
	w.Agent1.C.Post(t, "/api/payment/orders", map[string]any{"channel": "wechat", "amount": 2000}).
		Expect(t, http.StatusOK).Decode(t, &o)
	if !strings.HasPrefix(o.PayURL, "weixin://wxpay/") {
		t.Fatalf("created %+v", o)
	}
	h, body := srv.Pay(o.OutTradeNo, 2000)
	for i := 0; i < 5; i++ {
		if st, b := postWechat(t, h, body); st != http.StatusNoContent {
			t.Fatalf("notify %d: %d %s", i, st, b)
		}
	}
	if available(t, w.Agent1.ID) != 2000 || topupMovements(t, w.Agent1.ID) != 1 {
		t.Fatalf("available %d", available(t, w.Agent1.ID))
	}

	var o2 order
	w.Agent2.C.Post(t, "/api/payment/orders", map[string]any{"channel": "wechat", "amount": 900}).
		Expect(t, http.StatusOK).Decode(t, &o2)
	lowPaid, _ := json.Marshal(map[string]any{"appid": srv.AppID, "mchid": srv.MchID, "out_trade_no": o2.OutTradeNo,
		"transaction_id": "4200x", "trade_state": "SUCCESS", "amount": map[string]any{"total": 1}})
	lh, lb := srv.Notification(lowPaid)
	gh, gb := srv.Pay(o2.OutTradeNo, 900)
	cases := []struct {
		name string
		h    http.Header
		body []byte
	}{
		{"wrong amount", lh, lb},
		{"body altered after signing", gh, bytes.Replace(gb, []byte("TRANSACTION.SUCCESS"), []byte("TRANSACTION.FORGED"), 1)},
		{"unsigned", http.Header{}, gb},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if st, b := postWechat(t, c.h, c.body); st != 400 || !strings.Contains(b, "PAYMENT_NOTIFY_INVALID") {
				t.Fatalf("%d %s", st, b)
			}
		})
	}
	if available(t, w.Agent2.ID) != 0 {
		t.Fatalf("a forged notify credited %d", available(t, w.Agent2.ID))
	}
	w.Admin.C.Post(t, "/api/payment/orders/"+itoa(o.ID)+"/refund", nil).Expect(t, http.StatusOK)
	if srv.Refunds() != 1 || available(t, w.Agent1.ID) != 0 {
		t.Fatalf("refund: server %d, available %d", srv.Refunds(), available(t, w.Agent1.ID))
	}
}
