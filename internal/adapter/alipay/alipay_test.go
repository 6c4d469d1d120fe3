package alipay_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"net/url"
	"testing"
	"time"

	"kami/internal/adapter/alipay"
)

// The string-to-sign of the open platform's signing document: every non-empty parameter but
// sign, sorted by name, k=v joined by &, values raw (not URL-encoded); sign_type is signed in a
// request and left out of a notification's.
func TestStringToSign(t *testing.T) {
	v := url.Values{
		"method":      {"alipay.mobile.public.menu.add"},
		"charset":     {"GBK"},
		"sign_type":   {"RSA2"},
		"timestamp":   {"2014-07-24 03:07:50"},
		"biz_content": {`{"button":[{"actionParam":"ZFB_HFCZ","actionType":"out","name":"话费充值"}]}`},
		"sign":        {"ignored"},
		"version":     {"1.0"},
		"app_id":      {"2014072300007148"},
		"empty":       {""},
	}
	want := `app_id=2014072300007148&biz_content={"button":[{"actionParam":"ZFB_HFCZ","actionType":"out","name":"话费充值"}]}` +
		`&charset=GBK&method=alipay.mobile.public.menu.add&sign_type=RSA2&timestamp=2014-07-24 03:07:50&version=1.0`
	if got := alipay.StringToSign(v, "sign"); got != want {
		t.Fatalf("request string\n got %s\nwant %s", got, want)
	}
	wantNotify := `app_id=2014072300007148&biz_content={"button":[{"actionParam":"ZFB_HFCZ","actionType":"out","name":"话费充值"}]}` +
		`&charset=GBK&method=alipay.mobile.public.menu.add&timestamp=2014-07-24 03:07:50&version=1.0`
	if got := alipay.StringToSign(v, "sign", "sign_type"); got != wantNotify {
		t.Fatalf("notify string\n got %s\nwant %s", got, wantNotify)
	}
}

func TestSignVerify(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	// The keys round-trip through the text forms the settings hold (PKCS #8, PKCS #1, PKIX).
	p8, _ := x509.MarshalPKCS8PrivateKey(key)
	for _, text := range []string{
		string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: p8})),
		string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})),
	} {
		if k, err := alipay.ParsePrivateKey(text); err != nil || !k.Equal(key) {
			t.Fatalf("private key: %v", err)
		}
	}
	pubDER, _ := x509.MarshalPKIXPublicKey(&key.PublicKey)
	pub, err := alipay.ParsePublicKey(string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER})))
	if err != nil {
		t.Fatal(err)
	}
	content := "a=1&b=2"
	sig, err := alipay.Sign(key, content)
	if err != nil {
		t.Fatal(err)
	}
	if err = alipay.Verify(pub, content, sig); err != nil {
		t.Fatal(err)
	}
	if alipay.Verify(pub, "a=1&b=3", sig) == nil {
		t.Fatal("a changed content verified")
	}
	other, _ := rsa.GenerateKey(rand.Reader, 2048)
	if alipay.Verify(&other.PublicKey, content, sig) == nil {
		t.Fatal("another key verified")
	}
}

func TestAmounts(t *testing.T) {
	for fen, yuan := range map[int64]string{0: "0.00", 5: "0.05", 100: "1.00", 123456: "1234.56"} {
		if got := alipay.Yuan(fen); got != yuan {
			t.Fatalf("Yuan(%d) = %s", fen, got)
		}
		if got, err := alipay.Fen(yuan); err != nil || got != fen {
			t.Fatalf("Fen(%s) = %d, %v", yuan, got, err)
		}
	}
	for _, bad := range []string{"", "1.234", "-1.00", "1a", "abc"} {
		if _, err := alipay.Fen(bad); err == nil {
			t.Fatalf("Fen(%q) accepted", bad)
		}
	}
}

// The real client against the fake gateway: QR precreate, query before and after the payment,
// the notification verified (and a forged one refused), close, refund.
func TestClientAgainstFakeGateway(t *testing.T) {
	key, _ := rsa.GenerateKey(rand.Reader, 2048)
	gw, err := alipay.NewFakeGateway("2021000000000001", &key.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	defer gw.Close()
	alipayKey, err := alipay.ParsePublicKey(gw.PublicKeyPEM())
	if err != nil {
		t.Fatal(err)
	}
	c, err := alipay.New(alipay.Config{AppID: gw.AppID, Gateway: gw.URL, PrivateKey: key, PublicKey: alipayKey})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	o := alipay.Order{OutTradeNo: "K1", Amount: 1234, Subject: "top-up", NotifyURL: "http://127.0.0.1/n",
		ExpiresAt: time.Now().Add(time.Hour)}
	qr, err := c.Precreate(ctx, o)
	if err != nil || qr == "" {
		t.Fatalf("precreate: %q %v", qr, err)
	}
	if tr, err := c.Query(ctx, "K1"); err != nil || tr.Paid() {
		t.Fatalf("query before paying: %+v %v", tr, err)
	}
	if tr, err := c.Query(ctx, "K-never"); err != nil || tr.Paid() || tr.Status != "" {
		t.Fatalf("query of an unknown trade: %+v %v", tr, err)
	}
	form := gw.Pay("K1", "12.34")
	tr, err := c.VerifyNotify(form)
	if err != nil || !tr.Paid() || tr.Amount != 1234 || tr.TradeNo == "" {
		t.Fatalf("notify: %+v %v", tr, err)
	}
	forged := url.Values{}
	for k, v := range form {
		forged[k] = v
	}
	forged.Set("total_amount", "0.01")
	if _, err = c.VerifyNotify(forged); err == nil {
		t.Fatal("an altered notification verified")
	}
	if q, err := c.Query(ctx, "K1"); err != nil || !q.Paid() || q.Amount != 1234 || q.TradeNo != tr.TradeNo {
		t.Fatalf("query after paying: %+v %v", q, err)
	}
	if err = c.Refund(ctx, "K1", "R1", 1234); err != nil || gw.Refunds() != 1 {
		t.Fatalf("refund: %v", err)
	}
	if _, err = c.Precreate(ctx, alipay.Order{OutTradeNo: "K2", Amount: 100, Subject: "x"}); err != nil {
		t.Fatal(err)
	}
	if err = c.Close(ctx, "K2"); err != nil {
		t.Fatal(err)
	}
	if err = c.Close(ctx, "K-never"); err != nil {
		t.Fatalf("closing a trade Alipay never saw: %v", err)
	}
	u, err := c.PagePayURL(o)
	if err != nil {
		t.Fatal(err)
	}
	pu, _ := url.Parse(u)
	q := pu.Query()
	if q.Get("method") != "alipay.trade.page.pay" || alipay.Verify(&key.PublicKey, alipay.StringToSign(q, "sign"), q.Get("sign")) != nil {
		t.Fatalf("page pay URL not signed as a request: %s", u)
	}
	// A client with another key is refused by the gateway.
	stranger, _ := rsa.GenerateKey(rand.Reader, 2048)
	bad, _ := alipay.New(alipay.Config{AppID: gw.AppID, Gateway: gw.URL, PrivateKey: stranger, PublicKey: alipayKey})
	if _, err = bad.Query(ctx, "K1"); err == nil {
		t.Fatal("a request signed with another key was answered")
	}
}
