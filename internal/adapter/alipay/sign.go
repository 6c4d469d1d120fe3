// Package alipay speaks the Alipay open platform's gateway protocol (支付宝开放平台, the
// "通用签名/验签" and "alipay.trade.*" API documents): form-encoded requests to the gateway with
// the common parameters (app_id, method, format, charset, sign_type, timestamp, version,
// notify_url, biz_content) signed RSA2 (SHA256withRSA, PKCS #1 v1.5) over the parameters sorted
// by name as "k=v&k=v" (raw values, empty ones left out, sign left out); JSON answers whose
// "<method>_response" object is signed with Alipay's key; async notifications as form posts,
// verified over the same sorted string without sign and sign_type. Standard library crypto only.
package alipay

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// StringToSign is the content Alipay signs: every parameter with a non-empty value, except the
// excluded names, sorted by name (byte order), joined as k=v with &; values are not URL-encoded.
func StringToSign(params url.Values, exclude ...string) string {
	skip := map[string]bool{}
	for _, e := range exclude {
		skip[e] = true
	}
	keys := make([]string, 0, len(params))
	for k := range params {
		if !skip[k] && params.Get(k) != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(params.Get(k))
	}
	return b.String()
}

// Sign is the RSA2 signature of content: SHA256withRSA (PKCS #1 v1.5), base64.
func Sign(key *rsa.PrivateKey, content string) (string, error) {
	sum := sha256.Sum256([]byte(content))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

// Verify checks an RSA2 signature (base64) of content.
func Verify(pub *rsa.PublicKey, content, signature string) error {
	sig, err := base64.StdEncoding.DecodeString(signature)
	if err != nil {
		return fmt.Errorf("alipay: signature is not base64: %w", err)
	}
	sum := sha256.Sum256([]byte(content))
	if err = rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig); err != nil {
		return errors.New("alipay: bad signature")
	}
	return nil
}

// derOf reads a key as Alipay's tools give it: PEM, or the bare base64 of the DER.
func derOf(text string) ([]byte, error) {
	text = strings.TrimSpace(text)
	if b, _ := pem.Decode([]byte(text)); b != nil {
		return b.Bytes, nil
	}
	der, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(text), ""))
	if err != nil {
		return nil, errors.New("alipay: the key is neither PEM nor base64")
	}
	return der, nil
}

// ParsePrivateKey reads the app's private key (PKCS #8 or PKCS #1).
func ParsePrivateKey(text string) (*rsa.PrivateKey, error) {
	der, err := derOf(text)
	if err != nil {
		return nil, err
	}
	if k, err := x509.ParsePKCS8PrivateKey(der); err == nil {
		if rk, ok := k.(*rsa.PrivateKey); ok {
			return rk, nil
		}
		return nil, errors.New("alipay: the private key is not RSA")
	}
	return x509.ParsePKCS1PrivateKey(der)
}

// ParsePublicKey reads Alipay's public key (PKIX "PUBLIC KEY", or PKCS #1).
func ParsePublicKey(text string) (*rsa.PublicKey, error) {
	der, err := derOf(text)
	if err != nil {
		return nil, err
	}
	if k, err := x509.ParsePKIXPublicKey(der); err == nil {
		if rk, ok := k.(*rsa.PublicKey); ok {
			return rk, nil
		}
		return nil, errors.New("alipay: the public key is not RSA")
	}
	return x509.ParsePKCS1PublicKey(der)
}

// Yuan formats an amount in fen as Alipay's total_amount ("12.34").
func Yuan(fen int64) string { return fmt.Sprintf("%d.%02d", fen/100, fen%100) }

// Fen parses a total_amount ("12.34", "12.3", "12") back to fen.
func Fen(yuan string) (int64, error) {
	whole, frac, _ := strings.Cut(strings.TrimSpace(yuan), ".")
	if len(frac) > 2 {
		return 0, fmt.Errorf("alipay: bad amount %q", yuan)
	}
	frac += strings.Repeat("0", 2-len(frac))
	w, err1 := strconv.ParseUint(whole, 10, 40)
	f, err2 := strconv.ParseUint(frac, 10, 8)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("alipay: bad amount %q", yuan)
	}
	return int64(w*100 + f), nil
}
