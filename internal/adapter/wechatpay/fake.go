package wechatpay

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

// FakeServer stands in for the API v3 host on 127.0.0.1 for tests: it checks each request's
// Authorization with the merchant's public key, keeps the payments, signs its answers and
// notifications with its own platform key and encrypts notification resources with the APIv3
// key, so the real Client runs end to end without the internet.
type FakeServer struct {
	URL, AppID, MchID, APIv3Key, Serial string

	key    *rsa.PrivateKey
	merKey *rsa.PublicKey
	srv    *httptest.Server

	mu      sync.Mutex
	trades  map[string]*Transaction
	refunds map[string]int64
	seq     int
}

// NewFakeServer starts a server for the merchant (its ids, its API public key, its APIv3 key).
func NewFakeServer(appID, mchID, apiV3Key string, merchantKey *rsa.PublicKey) (*FakeServer, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	f := &FakeServer{AppID: appID, MchID: mchID, APIv3Key: apiV3Key, Serial: "PUB_KEY_ID_FAKE", key: key,
		merKey: merchantKey, trades: map[string]*Transaction{}, refunds: map[string]int64{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	f.URL = f.srv.URL
	return f, nil
}

// Close stops the server.
func (f *FakeServer) Close() { f.srv.Close() }

// PublicKeyPEM is the platform public key the merchant configures.
func (f *FakeServer) PublicKeyPEM() string {
	der, _ := x509.MarshalPKIXPublicKey(&f.key.PublicKey)
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
}

// Refunds is how many distinct refunds (out_refund_no) the server took.
func (f *FakeServer) Refunds() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.refunds)
}

// Pay marks the payment paid and answers the notification WeChat Pay would post: its headers
// and body (total is what the notification reports paid).
func (f *FakeServer) Pay(outTradeNo string, total int64) (http.Header, []byte) {
	f.mu.Lock()
	t := f.trades[outTradeNo]
	if t == nil {
		t = &Transaction{AppID: f.AppID, MchID: f.MchID, OutTradeNo: outTradeNo}
		f.trades[outTradeNo] = t
	}
	f.seq++
	var r [6]byte
	_, _ = rand.Read(r[:])
	t.TradeState, t.TransactionID = "SUCCESS", fmt.Sprintf("4200%06d%x", f.seq, r)
	t.Amount.Total = total
	plain, _ := json.Marshal(t)
	f.mu.Unlock()
	return f.Notification(plain)
}

// Notification encrypts a resource and signs the envelope as WeChat Pay does.
func (f *FakeServer) Notification(plain []byte) (http.Header, []byte) {
	nonce := "fakeNonce123" // 12 bytes, as WeChat Pay's
	ct, _ := Encrypt(f.APIv3Key, nonce, "transaction", plain)
	body, _ := json.Marshal(map[string]any{"id": "EV-" + nonce, "create_time": time.Now().Format(time.RFC3339),
		"resource_type": "encrypt-resource", "event_type": "TRANSACTION.SUCCESS", "summary": "支付成功",
		"resource": map[string]any{"original_type": "transaction", "algorithm": "AEAD_AES_256_GCM",
			"ciphertext": ct, "associated_data": "transaction", "nonce": nonce}})
	return f.signed(body), body
}

// signed is the signature headers of a body.
func (f *FakeServer) signed(body []byte) http.Header {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	var b [8]byte
	_, _ = rand.Read(b[:])
	n := hex.EncodeToString(b[:])
	sig, _ := Sign(f.key, ResponseMessage(ts, n, string(body)))
	h := http.Header{}
	h.Set("Wechatpay-Timestamp", ts)
	h.Set("Wechatpay-Nonce", n)
	h.Set("Wechatpay-Signature", sig)
	h.Set("Wechatpay-Serial", f.Serial)
	return h
}

func (f *FakeServer) reply(w http.ResponseWriter, status int, v any) {
	var body []byte
	if v != nil {
		body, _ = json.Marshal(v)
	}
	for k, vs := range f.signed(body) {
		w.Header()[k] = vs
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func (f *FakeServer) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	a, err := ParseAuthorization(r.Header.Get("Authorization"))
	if err != nil || a["mchid"] != f.MchID ||
		Verify(f.merKey, RequestMessage(r.Method, r.URL.RequestURI(), a["timestamp"], a["nonce_str"], string(body)), a["signature"]) != nil {
		f.reply(w, http.StatusUnauthorized, map[string]string{"code": "SIGN_ERROR", "message": "bad signature"})
		return
	}
	var in struct {
		OutTradeNo string `json:"out_trade_no"`
		RefundNo   string `json:"out_refund_no"`
		Amount     struct {
			Total  int64 `json:"total"`
			Refund int64 `json:"refund"`
		} `json:"amount"`
	}
	_ = json.Unmarshal(body, &in)
	f.mu.Lock()
	defer f.mu.Unlock()
	const byNo = "/v3/pay/transactions/out-trade-no/"
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/v3/pay/transactions/native":
		if f.trades[in.OutTradeNo] == nil {
			t := &Transaction{AppID: f.AppID, MchID: f.MchID, OutTradeNo: in.OutTradeNo, TradeState: "NOTPAY"}
			t.Amount.Total = in.Amount.Total
			f.trades[in.OutTradeNo] = t
		}
		f.reply(w, http.StatusOK, map[string]string{"code_url": "weixin://wxpay/bizpayurl?pr=" + in.OutTradeNo})
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, byNo):
		if t := f.trades[strings.TrimPrefix(r.URL.Path, byNo)]; t != nil {
			f.reply(w, http.StatusOK, t)
			return
		}
		f.reply(w, http.StatusNotFound, map[string]string{"code": "ORDER_NOT_EXIST", "message": "订单不存在"})
	case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, byNo) && strings.HasSuffix(r.URL.Path, "/close"):
		if t := f.trades[strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, byNo), "/close")]; t != nil && t.TradeState == "NOTPAY" {
			t.TradeState = "CLOSED"
		}
		f.reply(w, http.StatusNoContent, nil)
	case r.Method == http.MethodPost && r.URL.Path == "/v3/refund/domestic/refunds":
		t := f.trades[in.OutTradeNo]
		if t == nil || !t.Paid() || in.Amount.Refund > t.Amount.Total {
			f.reply(w, http.StatusBadRequest, map[string]string{"code": "INVALID_REQUEST", "message": "not refundable"})
			return
		}
		f.refunds[in.RefundNo] = in.Amount.Refund
		t.TradeState = "REFUND"
		f.reply(w, http.StatusOK, map[string]string{"out_refund_no": in.RefundNo, "status": "PROCESSING"})
	default:
		f.reply(w, http.StatusNotFound, map[string]string{"code": "NOT_FOUND", "message": "no such API"})
	}
}
