package security_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"kami/internal/adapter/sms"
	"kami/internal/consts"
	"kami/internal/testkit"
)

// With security.loginSmsCode on, the right password of an account with a phone sends a code by
// SMS (the real adapter, a fake provider) and answers SMS_CODE_REQUIRED; the code logs in once;
// a wrong code burns it; a wrong password sends nothing; an account without a phone, or the
// setting off, logs in with the password alone.
func TestLoginSMSCode(t *testing.T) {
	srv := sms.NewFakeServer("sms-secret")
	t.Cleanup(srv.Close)
	testkit.SetSettings(t, map[string]any{
		"security.smsEndpoint": srv.URL, "security.smsAccessKeyId": "kid", "security.smsAccessSecret": "sms-secret",
		"security.smsSignName": "卡密平台", "security.smsPerNumberPerHour": 100, "security.smsGlobalPerMinute": 1000,
		"security.smsTemplates": map[string]any{"auth.loginCode": map[string]any{"code": "SMS_100", "params": []string{"code"}}},
		"security.loginSmsCode": true,
	})
	admin := testkit.Current().Admin(t)
	root := testkit.SuperAdmin(t)
	withPhone := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	noPhone := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	phone := fmt.Sprintf("138%08d", time.Now().UnixNano()%100_000_000)
	admin.Put(t, fmt.Sprintf("/api/system/user/%d", withPhone.ID), map[string]any{"phone": phone}).Expect(t, 200)

	login := func(u testkit.SeededUser, pw, code string) *testkit.Resp {
		body := map[string]any{"username": u.Username, "password": pw}
		if code != "" {
			body["smsCode"] = code
		}
		return testkit.Current().Client().Post(t, "/api/auth/login", body)
	}
	codes := func() []string {
		var out []string
		for _, c := range srv.Calls() {
			if c["PhoneNumbers"] == phone && c["TemplateCode"] == "SMS_100" {
				var p map[string]string
				if err := json.Unmarshal([]byte(c["TemplateParam"]), &p); err != nil {
					t.Fatal(err)
				}
				out = append(out, p["code"])
			}
		}
		return out
	}
	expect := func(r *testkit.Resp, status int, reason string) {
		t.Helper()
		r.Expect(t, status)
		if r.ErrorCode() != reason {
			t.Fatalf("reason %q, want %q (%s)", r.ErrorCode(), reason, r.ErrorText())
		}
	}

	expect(login(withPhone, "wrong-password-1", ""), 400, "INVALID_CREDENTIALS")
	if len(codes()) != 0 {
		t.Fatal("a wrong password sent a code")
	}
	r := login(withPhone, withPhone.Password, "")
	expect(r, 400, "SMS_CODE_REQUIRED")
	if masked := phone[:3] + "****" + phone[7:]; !strings.Contains(r.ErrorText(), masked) {
		t.Fatalf("the answer does not name the masked phone %s: %s", masked, r.ErrorText())
	}
	sent := codes()
	if len(sent) != 1 || len(sent[0]) != 6 {
		t.Fatalf("codes sent: %v", sent)
	}
	wrong := "000000"
	if sent[0] == wrong {
		wrong = "111111"
	}
	expect(login(withPhone, withPhone.Password, wrong), 400, "SMS_CODE_INVALID")
	expect(login(withPhone, withPhone.Password, sent[0]), 400, "SMS_CODE_INVALID") // burned by the wrong try
	expect(login(withPhone, withPhone.Password, ""), 400, "SMS_CODE_REQUIRED")
	sent = codes()
	if len(sent) != 2 {
		t.Fatalf("codes sent: %v", sent)
	}
	login(withPhone, withPhone.Password, sent[1]).Expect(t, 200)
	expect(login(withPhone, withPhone.Password, sent[1]), 400, "SMS_CODE_INVALID") // once only
	login(noPhone, noPhone.Password, "").Expect(t, 200)

	testkit.SetSettings(t, map[string]any{"security.loginSmsCode": false})
	login(withPhone, withPhone.Password, "").Expect(t, 200)
	if n := len(codes()); n != 2 {
		t.Fatalf("%d codes sent, want 2", n)
	}
}
