package security_test

import (
	"context"
	"testing"

	"kami/internal/adapter/sms"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// Sends go through the real Aliyun adapter to a fake provider on 127.0.0.1 (which checks the
// signature); only approved templates with exactly their parameters are sent; the per-number
// limit holds; every send is logged with the number masked.
func TestSMSApprovedTemplatesLimitsAndLog(t *testing.T) {
	srv := sms.NewFakeServer("sms-secret")
	t.Cleanup(srv.Close)
	testkit.SetSettings(t, map[string]any{
		"security.smsEndpoint": srv.URL, "security.smsAccessKeyId": "kid", "security.smsAccessSecret": "sms-secret",
		"security.smsSignName": "卡密平台", "security.smsPerNumberPerHour": 2,
		"security.smsTemplates": map[string]any{"alert": map[string]any{"code": "SMS_900", "params": []string{"check"}}},
	})
	ctx := context.Background()
	phone, other := "13900139001", "13700137001"
	cases := []struct {
		name     string
		phone    string
		template string
		params   map[string]string
		want     *errs.Code
	}{
		{"approved", phone, "alert", map[string]string{"check": "redis"}, nil},
		{"unknown template", phone, "free", map[string]string{"check": "redis"}, &errs.SMSTemplateNotApproved},
		{"missing param", phone, "alert", map[string]string{}, &errs.SMSParamInvalid},
		{"extra param", phone, "alert", map[string]string{"check": "db", "url": "x"}, &errs.SMSParamInvalid},
		{"a link in a param", phone, "alert", map[string]string{"check": "http://x.cn/?a=1"}, &errs.SMSParamInvalid},
		{"too long", phone, "alert", map[string]string{"check": "abcdefghijklmnopqrstu"}, &errs.SMSParamInvalid},
		{"bad number", "12ab", "alert", map[string]string{"check": "db"}, &errs.InvalidInput},
		{"second to the number", phone, "alert", map[string]string{"check": "db"}, nil},
		{"third to the number: limited", phone, "alert", map[string]string{"check": "db"}, &errs.RateLimited},
		{"another number", other, "alert", map[string]string{"check": "数据库"}, nil},
	}
	for _, c := range cases {
		err := service.Security().SendSMS(ctx, c.phone, c.template, c.params)
		if c.want == nil && err != nil || c.want != nil && !errs.Is(err, *c.want) {
			t.Fatalf("%s: %v, want %v", c.name, err, c.want)
		}
	}
	calls := srv.Calls()
	if len(calls) != 3 || calls[0]["TemplateCode"] != "SMS_900" || calls[0]["TemplateParam"] != `{"check":"redis"}` ||
		calls[0]["SignName"] != "卡密平台" || calls[0]["PhoneNumbers"] != phone {
		t.Fatalf("provider calls %+v", calls)
	}
	var rows []entity.SecuritySmsLog
	if err := dao.SecuritySmsLog.Ctx(ctx).WhereIn("phone_masked", []string{"139****9001", "137****7001"}).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0].Result != "sent" || rows[0].Template != "alert" {
		t.Fatalf("send log %+v", rows)
	}
	// A provider refusing the call (a wrong secret) is a failed send, logged as one.
	testkit.SetSettings(t, map[string]any{"security.smsAccessSecret": "wrong"})
	if err := service.Security().SendSMS(ctx, "13600136001", "alert", map[string]string{"check": "db"}); !errs.Is(err, errs.Unavailable) {
		t.Fatalf("refused send: %v", err)
	}
	if n, _ := dao.SecuritySmsLog.Ctx(ctx).Where("phone_masked", "136****6001").Where("result", "failed").Count(); n != 1 {
		t.Fatalf("failed sends logged: %d", n)
	}
}
