package security_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/gogf/gf/v2/database/gredis"

	"kami/internal/adapter/sms"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// A fault alert reaches the super-admins by SMS as well: through the real Aliyun adapter to a
// fake provider on 127.0.0.1, as the approved template named like the notice's kind, once when it
// fires and once when it resolves, only to super-admins with a phone. The alerts and the send
// log are listed by the admin API; a kind without an approved template is skipped, not retried.
func TestAlertSMSToSuperAdmins(t *testing.T) {
	ctx := context.Background()
	srv := sms.NewFakeServer("sms-secret")
	t.Cleanup(srv.Close)
	testkit.SetSettings(t, map[string]any{
		"security.smsEndpoint": srv.URL, "security.smsAccessKeyId": "kid", "security.smsAccessSecret": "sms-secret",
		"security.smsSignName": "卡密平台", "security.smsPerNumberPerHour": 100, "security.smsGlobalPerMinute": 1000,
		"security.smsTemplates": map[string]any{
			"security.alertRaised":   map[string]any{"code": "SMS_901", "params": []string{"check"}},
			"security.alertResolved": map[string]any{"code": "SMS_902", "params": []string{"check"}},
		},
	})
	admin := testkit.Current().Admin(t)
	root := testkit.SuperAdmin(t)
	aa := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	phone := fmt.Sprintf("139%08d", time.Now().UnixNano()%100_000_000)
	setPhone := func(id int64, p string) {
		t.Helper()
		admin.Put(t, fmt.Sprintf("/api/system/user/%d", id), map[string]any{"phone": p}).Expect(t, 200)
	}
	setPhone(root.ID, phone)
	t.Cleanup(func() { setPhone(root.ID, "") })
	setPhone(aa.ID, "13700137000") // not a super-admin: no alert SMS
	var item struct {
		Phone string `json:"phone"`
	}
	admin.Get(t, fmt.Sprintf("/api/system/user/%d", root.ID)).Expect(t, 200).Decode(t, &item)
	if item.Phone != phone {
		t.Fatalf("phone %q, want %q", item.Phone, phone)
	}
	admin.Put(t, fmt.Sprintf("/api/system/user/%d", aa.ID), map[string]any{"phone": "call me"}).Expect(t, 400)

	m := miniredis.NewMiniRedis()
	if err := m.Start(); err != nil {
		t.Fatal(err)
	}
	addr := m.Addr()
	t.Cleanup(m.Close)
	prev := service.Security().SetRedisPinger(func(ctx context.Context) error {
		r, err := gredis.New(&gredis.Config{Address: addr, MaxActive: 1})
		if err != nil {
			return err
		}
		defer r.Close(ctx)
		_, err = r.Do(ctx, "PING")
		return err
	})
	t.Cleanup(func() { service.Security().SetRedisPinger(prev) })
	run := func() {
		t.Helper()
		if _, err := service.Security().Monitor(ctx); err != nil {
			t.Fatal(err)
		}
	}
	redisSMS := func() []map[string]string {
		var out []map[string]string
		for _, c := range srv.Calls() {
			if c["TemplateParam"] == `{"check":"redis"}` {
				out = append(out, c)
			}
		}
		return out
	}
	waitSMS := func(n int) []map[string]string {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for len(redisSMS()) < n {
			if time.Now().After(deadline) {
				t.Fatalf("%d alert SMS after 20 s, want %d: %+v", len(redisSMS()), n, srv.Calls())
			}
			time.Sleep(20 * time.Millisecond)
		}
		return redisSMS()
	}

	run()
	m.Close()
	run()
	run()
	calls := waitSMS(1)
	if calls[0]["TemplateCode"] != "SMS_901" || calls[0]["PhoneNumbers"] != phone || calls[0]["SignName"] != "卡密平台" {
		t.Fatalf("raised SMS %+v", calls[0])
	}
	if err := m.StartAddr(addr); err != nil {
		t.Fatal(err)
	}
	run()
	run()
	calls = waitSMS(2)
	if calls[1]["TemplateCode"] != "SMS_902" || calls[1]["PhoneNumbers"] != phone {
		t.Fatalf("resolved SMS %+v", calls[1])
	}
	waitSettled(t, root.ID)
	if calls = redisSMS(); len(calls) != 2 {
		t.Fatalf("%d alert SMS, want exactly 2 (one each way, none to the agent-admin): %+v", len(calls), calls)
	}
	for _, c := range srv.Calls() {
		if c["PhoneNumbers"] == "13700137000" {
			t.Fatalf("the agent-admin got an alert SMS: %+v", c)
		}
	}

	// The admin API: the alert, resolved, and the two sends, the number masked.
	var alerts struct {
		Items []struct {
			ID         int64   `json:"id"`
			Check      string  `json:"check"`
			Status     string  `json:"status"`
			Count      int64   `json:"count"`
			ResolvedAt *string `json:"resolvedAt"`
		} `json:"items"`
		Total int `json:"total"`
	}
	admin.Get(t, "/api/security/alerts/list?check=redis&status=resolved&pageSize=100").Expect(t, 200).Decode(t, &alerts)
	if alerts.Total < 1 || alerts.Items[0].Check != "redis" || alerts.Items[0].Count != 2 || alerts.Items[0].ResolvedAt == nil {
		t.Fatalf("alerts %+v", alerts)
	}
	admin.Get(t, "/api/security/alerts/list?status=open").Expect(t, 400)
	// Platform-wide data: an agent-admin or an agent is refused every route, anonymous is 401.
	ag := testkit.SeedUser(t, consts.RoleAgent, aa)
	anon := testkit.Current().Client()
	for _, c := range []struct {
		who  *testkit.Client
		want int
	}{{testkit.Current().Login(t, aa), 403}, {testkit.Current().Login(t, ag), 403}, {anon, 401}} {
		c.who.Get(t, "/api/security/alerts/list").Expect(t, c.want)
		c.who.Get(t, "/api/security/sms/log/list").Expect(t, c.want)
		c.who.Post(t, "/api/security/sms/test", map[string]any{"phone": phone, "template": "security.alertRaised",
			"params": map[string]string{"check": "db"}}).Expect(t, c.want)
	}
	// The test send: reviewed like any send (free text refused, nothing sent), then sent.
	n := len(srv.Calls())
	admin.Post(t, "/api/security/sms/test", map[string]any{"phone": phone, "template": "free text"}).Expect(t, 400)
	admin.Post(t, "/api/security/sms/test", map[string]any{"phone": phone, "template": "security.alertRaised",
		"params": map[string]string{"check": "see http://x.cn"}}).Expect(t, 400)
	if len(srv.Calls()) != n {
		t.Fatalf("a refused test send reached the provider")
	}
	admin.Post(t, "/api/security/sms/test", map[string]any{"phone": phone, "template": "security.alertRaised",
		"params": map[string]string{"check": "test"}}).Expect(t, 200)
	if len(srv.Calls()) != n+1 {
		t.Fatalf("test send: %d calls, want %d", len(srv.Calls()), n+1)
	}
	var logs struct {
		Items []struct {
			PhoneMasked  string `json:"phoneMasked"`
			Template     string `json:"template"`
			TemplateCode string `json:"templateCode"`
			Result       string `json:"result"`
		} `json:"items"`
		Total int `json:"total"`
	}
	admin.Get(t, "/api/security/sms/log/list?last4="+phone[len(phone)-4:]+"&pageSize=100").Expect(t, 200).Decode(t, &logs)
	masked := phone[:3] + "****" + phone[len(phone)-4:]
	var seen []string
	for _, l := range logs.Items {
		if l.PhoneMasked == masked && l.Result == "sent" {
			seen = append(seen, l.TemplateCode)
		}
		if strings.Contains(l.PhoneMasked, phone[3:7]) {
			t.Fatalf("the log holds the unmasked number: %+v", l)
		}
	}
	// Every accepted send to the number is logged, newest first: the test send on top, and the
	// redis alert's raise and resolve among them (another check may have fired meanwhile too).
	toPhone := 0
	for _, c := range srv.Calls() {
		if c["PhoneNumbers"] == phone {
			toPhone++
		}
	}
	if len(seen) != toPhone || len(seen) < 3 || seen[0] != "SMS_901" || !strings.Contains(strings.Join(seen, ","), "SMS_902") {
		t.Fatalf("send log %+v", logs.Items)
	}

	// A kind with no approved template: the SMS copy is skipped at once, the provider not called.
	before := len(srv.Calls())
	if _, err := service.Notify().Send(ctx, model.Notice{
		To: model.Recipients{UserIDs: []int64{root.ID}}, Kind: "security.unapproved", Title: "x", Body: "free text",
		DedupKey: "unapproved:" + phone, Channels: []string{model.ChannelSMS},
	}); err != nil {
		t.Fatal(err)
	}
	waitSettled(t, root.ID)
	var skipped []entity.NotificationDeliveries
	if err := dao.NotificationDeliveries.Ctx(ctx).Where("user_id", root.ID).Where("channel", model.ChannelSMS).
		Where("status", "skipped").Scan(&skipped); err != nil {
		t.Fatal(err)
	}
	if len(skipped) == 0 || !strings.Contains(skipped[len(skipped)-1].LastError, "SMS_TEMPLATE_NOT_APPROVED") &&
		!strings.Contains(skipped[len(skipped)-1].LastError, "security.unapproved") {
		t.Fatalf("unapproved kind: %+v", skipped)
	}
	if len(srv.Calls()) != before {
		t.Fatalf("the provider was called for an unapproved kind: %+v", srv.Calls()[before:])
	}
}

// waitSettled waits until no SMS copy of user id is still pending or being sent.
func waitSettled(t *testing.T, id int64) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		n, err := dao.NotificationDeliveries.Ctx(context.Background()).Where("user_id", id).
			Where("channel", model.ChannelSMS).WhereIn("status", []string{"pending", "sending"}).Count()
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d SMS copies still unsettled after 20 s", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
