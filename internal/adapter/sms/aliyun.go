package sms

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// Aliyun is the real adapter for Aliyun SMS (dysmsapi, API version 2017-05-25, action SendSms),
// signed as its documentation's "signature mechanism" describes.
type Aliyun struct {
	Endpoint     string // e.g. https://dysmsapi.aliyuncs.com/ (tests: a fake server on 127.0.0.1)
	AccessKeyID  string
	AccessSecret string
	RegionID     string       // "cn-hangzhou" when empty
	HTTP         *http.Client // 10 s timeout when nil
	Now          func() time.Time
}

// Send calls SendSms with a GET whose query carries the signature.
func (a *Aliyun) Send(ctx context.Context, m Message) (Result, error) {
	params, err := json.Marshal(m.Params)
	if err != nil {
		return Result{}, err
	}
	now := time.Now
	if a.Now != nil {
		now = a.Now
	}
	region := a.RegionID
	if region == "" {
		region = "cn-hangzhou"
	}
	q := map[string]string{
		"AccessKeyId": a.AccessKeyID, "Action": "SendSms", "Format": "JSON", "RegionId": region,
		"SignatureMethod": "HMAC-SHA1", "SignatureNonce": nonce(), "SignatureVersion": "1.0",
		"Timestamp": now().UTC().Format("2006-01-02T15:04:05Z"), "Version": "2017-05-25",
		"PhoneNumbers": m.Phone, "SignName": m.SignName, "TemplateCode": m.TemplateCode, "TemplateParam": string(params),
	}
	sig := Sign(http.MethodGet, a.AccessSecret, q)
	u := strings.TrimRight(a.Endpoint, "/") + "/?Signature=" + percentEncode(sig) + "&" + canonical(q)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return Result{}, err
	}
	client := a.HTTP
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	res, err := client.Do(req)
	if err != nil {
		return Result{}, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 64<<10))
	if err != nil {
		return Result{}, err
	}
	var out struct{ Code, Message, BizId, RequestId string }
	if err = json.Unmarshal(body, &out); err != nil {
		return Result{}, fmt.Errorf("aliyun sms: HTTP %d, unreadable answer: %w", res.StatusCode, err)
	}
	if out.Code != "OK" {
		return Result{}, fmt.Errorf("aliyun sms: %s: %s", out.Code, out.Message)
	}
	return Result{BizID: out.BizId, RequestID: out.RequestId}, nil
}

// Sign is the documented signature: Base64(HMAC-SHA1(secret + "&", method & enc("/") &
// enc(canonical query))), the query sorted by key, keys and values percent-encoded per RFC 3986.
func Sign(method, secret string, params map[string]string) string {
	toSign := method + "&" + percentEncode("/") + "&" + percentEncode(canonical(params))
	mac := hmac.New(sha1.New, []byte(secret+"&"))
	mac.Write([]byte(toSign))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

func canonical(params map[string]string) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = percentEncode(k) + "=" + percentEncode(params[k])
	}
	return strings.Join(parts, "&")
}

// percentEncode is RFC 3986 encoding as the platform wants it: space %20, * %2A, ~ kept.
func percentEncode(s string) string {
	e := url.QueryEscape(s)
	return strings.NewReplacer("+", "%20", "*", "%2A", "%7E", "~").Replace(e)
}

func nonce() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
