package alipay

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
)

// FakeGateway is a stand-in for the Alipay gateway on 127.0.0.1 for tests: it checks each
// request's RSA2 signature with the app's public key, keeps the trades, signs its answers and
// notifications with its own key (the "Alipay public key" the app is configured with), so the
// real Client runs end to end without the internet.
type FakeGateway struct {
	URL    string
	AppID  string
	key    *rsa.PrivateKey
	appKey *rsa.PublicKey
	srv    *httptest.Server

	mu      sync.Mutex
	trades  map[string]*fakeTrade
	refunds map[string]string // out_request_no → refund_amount
	calls   map[string]int    // method → requests seen
	seq     int
}

type fakeTrade struct {
	amount, status, tradeNo string
}

// NewFakeGateway starts a gateway for the app (its id and public key).
func NewFakeGateway(appID string, appKey *rsa.PublicKey) (*FakeGateway, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	g := &FakeGateway{AppID: appID, key: key, appKey: appKey, trades: map[string]*fakeTrade{},
		refunds: map[string]string{}, calls: map[string]int{}}
	g.srv = httptest.NewServer(http.HandlerFunc(g.serve))
	g.URL = g.srv.URL + "/gateway.do"
	return g, nil
}

// Close stops the gateway.
func (g *FakeGateway) Close() { g.srv.Close() }

// PublicKeyPEM is the gateway's public key, as the app's "Alipay public key" setting.
func (g *FakeGateway) PublicKeyPEM() string {
	der, _ := x509.MarshalPKIXPublicKey(&g.key.PublicKey)
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
}

// Calls is how many requests of method the gateway answered.
func (g *FakeGateway) Calls(method string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.calls[method]
}

// Refunds is how many distinct refunds (out_request_no) the gateway took.
func (g *FakeGateway) Refunds() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.refunds)
}

// Pay marks the trade paid, as a payer scanning the QR code would, and answers the signed
// notification Alipay would post (a trade the app never created is paid all the same, for
// tests of unknown orders).
func (g *FakeGateway) Pay(outTradeNo, amount string) url.Values {
	g.mu.Lock()
	t := g.trades[outTradeNo]
	if t == nil {
		t = &fakeTrade{amount: amount}
		g.trades[outTradeNo] = t
	}
	g.seq++
	var r [6]byte
	_, _ = rand.Read(r[:])
	// Alipay's trade numbers are unique across all apps; a random part keeps two gateways' apart.
	t.status, t.tradeNo = "TRADE_SUCCESS", fmt.Sprintf("2026%06d%x", g.seq, r)
	form := url.Values{"notify_time": {time.Now().In(shanghai).Format("2006-01-02 15:04:05")},
		"notify_type": {"trade_status_sync"}, "notify_id": {fmt.Sprintf("n%d", g.seq)}, "app_id": {g.AppID},
		"charset": {"utf-8"}, "version": {"1.0"}, "trade_no": {t.tradeNo}, "out_trade_no": {outTradeNo},
		"total_amount": {amount}, "trade_status": {t.status}, "subject": {"Kami top-up"}}
	g.mu.Unlock()
	return g.SignNotify(form)
}

// SignNotify signs a notification form as Alipay does (a test alters a field and re-signs it).
func (g *FakeGateway) SignNotify(form url.Values) url.Values {
	out := url.Values{}
	for k, v := range form {
		if k != "sign" && k != "sign_type" {
			out[k] = v
		}
	}
	sig, _ := Sign(g.key, StringToSign(out, "sign", "sign_type"))
	out.Set("sign_type", "RSA2")
	out.Set("sign", sig)
	return out
}

func (g *FakeGateway) serve(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	form := r.PostForm
	method := form.Get("method")
	name := strings.ReplaceAll(method, ".", "_") + "_response"
	if Verify(g.appKey, StringToSign(form, "sign"), form.Get("sign")) != nil || form.Get("app_id") != g.AppID ||
		form.Get("sign_type") != "RSA2" {
		writeJSON(w, map[string]any{name: map[string]any{"code": "40002", "msg": "Invalid Arguments",
			"sub_code": "isv.invalid-signature", "sub_msg": "bad signature"}})
		return
	}
	var biz map[string]string
	_ = json.Unmarshal([]byte(form.Get("biz_content")), &biz)
	g.mu.Lock()
	g.calls[method]++
	ans := g.answer(method, biz)
	g.mu.Unlock()
	raw, _ := json.Marshal(ans)
	sig, _ := Sign(g.key, string(raw))
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	fmt.Fprintf(w, `{%q:%s,"sign":%q}`, name, raw, sig)
}

// answer is the gateway's reply to one verified request; g.mu is held.
func (g *FakeGateway) answer(method string, biz map[string]string) map[string]any {
	ok := map[string]any{"code": "10000", "msg": "Success"}
	missing := map[string]any{"code": "40004", "msg": "Business Failed", "sub_code": "ACQ.TRADE_NOT_EXIST",
		"sub_msg": "trade does not exist"}
	no := biz["out_trade_no"]
	t := g.trades[no]
	switch method {
	case "alipay.trade.precreate":
		if t == nil {
			g.trades[no] = &fakeTrade{amount: biz["total_amount"], status: "WAIT_BUYER_PAY"}
		}
		ok["out_trade_no"], ok["qr_code"] = no, "https://qr.alipay.com/fake"+no
	case "alipay.trade.query":
		if t == nil {
			return missing
		}
		ok["out_trade_no"], ok["trade_no"], ok["trade_status"], ok["total_amount"] = no, t.tradeNo, t.status, t.amount
	case "alipay.trade.close":
		if t == nil {
			return missing
		}
		if t.status != "WAIT_BUYER_PAY" {
			return map[string]any{"code": "40004", "msg": "Business Failed", "sub_code": "ACQ.TRADE_STATUS_ERROR"}
		}
		t.status = "TRADE_CLOSED"
		ok["out_trade_no"] = no
	case "alipay.trade.refund":
		if t == nil || t.status != "TRADE_SUCCESS" {
			return missing
		}
		g.refunds[biz["out_request_no"]] = biz["refund_amount"]
		ok["out_trade_no"], ok["refund_fee"], ok["fund_change"] = no, biz["refund_amount"], "Y"
	default:
		return map[string]any{"code": "40004", "msg": "Business Failed", "sub_code": "isv.invalid-method"}
	}
	return ok
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	_ = json.NewEncoder(w).Encode(v)
}
