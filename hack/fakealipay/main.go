// Command fakealipay runs alipay.FakeGateway as its own process for the panel's browser tests
// (resource/panel/e2e): the real binary's Alipay adapter is pointed at it through the settings,
// so a top-up is created, paid and refunded end to end without the internet. It prints one JSON
// line with the settings to apply and the control URL, then serves until stdin closes.
//
// Control: POST <control>/pay?outTradeNo=…&amount=12.34 marks the trade paid (what a payer
// scanning the QR code does) and answers the signed notification form Alipay would post;
// GET <control>/refunds answers how many refunds the gateway took.
package main

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"

	"kami/internal/adapter/alipay"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "fakealipay:", err)
		os.Exit(1)
	}
}

func run() error {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return err
	}
	gw, err := alipay.NewFakeGateway("2021000000000001", &key.PublicKey)
	if err != nil {
		return err
	}
	defer gw.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /pay", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		form := gw.Pay(q.Get("outTradeNo"), q.Get("amount"))
		w.Header().Set("Content-Type", "application/x-www-form-urlencoded")
		_, _ = io.WriteString(w, form.Encode())
	})
	mux.HandleFunc("GET /refunds", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, gw.Refunds())
	})
	go func() { _ = http.Serve(ln, mux) }()

	p8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return err
	}
	out := map[string]any{
		"control": "http://" + ln.Addr().String(),
		"settings": map[string]any{
			"payment.channels":               []string{"alipay"},
			"payment.alipay.appId":           gw.AppID,
			"payment.alipay.gateway":         gw.URL,
			"payment.alipay.privateKey":      string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: p8})),
			"payment.alipay.alipayPublicKey": gw.PublicKeyPEM(),
		},
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		return err
	}
	// The test owns the process: it ends when the test closes stdin (or kills it).
	_, _ = io.Copy(io.Discard, os.Stdin)
	return nil
}
