package wechatpay_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"kami/internal/adapter/wechatpay"
)

const apiV3Key = "0123456789abcdef0123456789abcdef"

// The signing document's example: GET /v3/certificates at 1554208460 with nonce
// 593BEC0C930BF1AFEB40B4A08C8FB242 and no body is signed over five "\n"-ended lines.
func TestMessages(t *testing.T) {
	got := wechatpay.RequestMessage("GET", "/v3/certificates", "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242", "")
	if want := "GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n"; got != want {
		t.Fatalf("request message %q", got)
	}
	body := `{"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"}`
	if got := wechatpay.ResponseMessage("1554209980", "c5ac7061fccab6bf3e254dcf98995b8c", body); got !=
		"1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n"+body+"\n" {
		t.Fatalf("response message %q", got)
	}
	h := wechatpay.Authorization("1900009191", "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C",
		"593BEC0C930BF1AFEB40B4A08C8FB242", "1554208460", "SIG")
	if h != `WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",`+
		`signature="SIG",timestamp="1554208460",serial_no="1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"` {
		t.Fatalf("authorization %s", h)
	}
	a, err := wechatpay.ParseAuthorization(h)
	if err != nil || a["mchid"] != "1900009191" || a["signature"] != "SIG" {
		t.Fatalf("parsed %v %v", a, err)
	}
}

func TestSignAndDecrypt(t *testing.T) {
	key, _ := rsa.GenerateKey(rand.Reader, 2048)
	msg := wechatpay.ResponseMessage("1", "n", "{}")
	sig, err := wechatpay.Sign(key, msg)
	if err != nil || wechatpay.Verify(&key.PublicKey, msg, sig) != nil {
		t.Fatalf("sign/verify: %v", err)
	}
	if wechatpay.Verify(&key.PublicKey, wechatpay.ResponseMessage("1", "n", "{ }"), sig) == nil {
		t.Fatal("another body verified")
	}
	ct, err := wechatpay.Encrypt(apiV3Key, "123456789012", "transaction", []byte(`{"a":1}`))
	if err != nil {
		t.Fatal(err)
	}
	if p, err := wechatpay.Decrypt(apiV3Key, "123456789012", "transaction", ct); err != nil || string(p) != `{"a":1}` {
		t.Fatalf("decrypt: %s %v", p, err)
	}
	if _, err := wechatpay.Decrypt(strings.Repeat("x", 32), "123456789012", "transaction", ct); err == nil {
		t.Fatal("decrypted under another key")
	}
	if _, err := wechatpay.Decrypt(apiV3Key, "123456789012", "other", ct); err == nil {
		t.Fatal("decrypted with other associated data")
	}
}

// The real client against the fake server: Native, query before and after paying, the
// notification verified and decrypted (altered or unsigned ones refused), close, refund.
func TestClientAgainstFakeServer(t *testing.T) {
	mer, _ := rsa.GenerateKey(rand.Reader, 2048)
	srv, err := wechatpay.NewFakeServer("wx0000000000000001", "1900000001", apiV3Key, &mer.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	plat, err := wechatpay.ParsePublicKey(srv.PublicKeyPEM())
	if err != nil {
		t.Fatal(err)
	}
	cfg := wechatpay.Config{AppID: srv.AppID, MchID: srv.MchID, SerialNo: "MER-SERIAL", PrivateKey: mer,
		APIv3Key: apiV3Key, PlatformKey: plat, PlatformSerial: srv.Serial, BaseURL: srv.URL}
	c, err := wechatpay.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	code, err := c.Native(ctx, wechatpay.Order{OutTradeNo: "K1", Amount: 1234, Description: "top-up",
		NotifyURL: "https://x/n", ExpiresAt: time.Now().Add(time.Hour)})
	if err != nil || !strings.HasPrefix(code, "weixin://") {
		t.Fatalf("native: %q %v", code, err)
	}
	if tr, err := c.Query(ctx, "K1"); err != nil || tr.Paid() {
		t.Fatalf("query before paying: %+v %v", tr, err)
	}
	if tr, err := c.Query(ctx, "K-never"); err != nil || tr.TradeState != "NOTPAY" {
		t.Fatalf("query of an unknown payment: %+v %v", tr, err)
	}
	h, body := srv.Pay("K1", 1234)
	tr, err := c.VerifyNotify(h, body)
	if err != nil || !tr.Paid() || tr.Amount.Total != 1234 || tr.TransactionID == "" {
		t.Fatalf("notify: %+v %v", tr, err)
	}
	altered := strings.Replace(string(body), "TRANSACTION.SUCCESS", "TRANSACTION.FORGED", 1)
	if _, err = c.VerifyNotify(h, []byte(altered)); err == nil {
		t.Fatal("an altered notification verified")
	}
	if _, err = c.VerifyNotify(http.Header{}, body); err == nil {
		t.Fatal("an unsigned notification verified")
	}
	other, _ := json.Marshal(map[string]any{"appid": srv.AppID, "mchid": "1999999999", "out_trade_no": "K1",
		"trade_state": "SUCCESS", "amount": map[string]any{"total": 1234}})
	if _, err = c.VerifyNotify(srv.Notification(other)); err == nil {
		t.Fatal("another merchant's notification accepted")
	}
	if q, err := c.Query(ctx, "K1"); err != nil || !q.Paid() || q.TransactionID != tr.TransactionID {
		t.Fatalf("query after paying: %+v %v", q, err)
	}
	if err = c.Refund(ctx, "K1", "R1", 1234, 1234); err != nil || srv.Refunds() != 1 {
		t.Fatalf("refund: %v", err)
	}
	if _, err = c.Native(ctx, wechatpay.Order{OutTradeNo: "K2", Amount: 100, Description: "x"}); err != nil {
		t.Fatal(err)
	}
	if err = c.Close(ctx, "K2"); err != nil {
		t.Fatal(err)
	}
	stranger, _ := rsa.GenerateKey(rand.Reader, 2048)
	cfg.PrivateKey = stranger
	bad, _ := wechatpay.New(cfg)
	if _, err = bad.Query(ctx, "K1"); err == nil {
		t.Fatal("a request signed with another key was answered")
	}
}
