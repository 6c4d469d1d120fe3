package relay_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"kami/internal/adapter/openaicompat"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/testkit"
)

type checkView struct {
	ChannelID  int64  `json:"channelId"`
	Ok         bool   `json:"ok"`
	HTTPStatus int    `json:"httpStatus"`
	Model      string `json:"model"`
	Message    string `json:"message"`
}

// A test call reaches the upstream with the mapped model and max_tokens 1, reports the
// outcome, and changes no status even on a fatal answer; nothing is billed or logged.
func TestChannelCheck(t *testing.T) {
	ctx := context.Background()
	env := testkit.Current()
	admin := env.Admin(t)
	fake := fakeUpstream(t)
	m := testkit.UniqueName("gpt-")
	seedPrice(t, m, "0.1", "2")
	secret := "sk-checkSecretKey" + testkit.UniqueName("")
	c := createChannel(t, admin, map[string]any{"name": "k-" + m, "baseUrl": fake.URL(), "models": []string{m},
		"keys": []string{secret}, "modelMapping": map[string]string{m: "up-" + m}})
	path := fmt.Sprintf("/api/relay/channels/%d", c.ID)
	var res checkView
	admin.Post(t, path+"/test", map[string]any{}).Expect(t, 200).Decode(t, &res)
	if !res.Ok || res.HTTPStatus != 200 || res.Model != m {
		t.Fatalf("test = %+v", res)
	}
	rec := fake.Requests()
	if len(rec) != 1 || !strings.Contains(string(rec[0].Body), `"up-`+m+`"`) || !strings.Contains(string(rec[0].Body), `"max_tokens":1`) {
		t.Fatalf("upstream saw %+v", rec)
	}

	fake.SetDefault(openaicompat.Behaviour{Status: 401, ErrType: "invalid_request_error", ErrCode: "invalid_api_key",
		Message: "Incorrect API key provided: " + secret})
	admin.Post(t, path+"/test", map[string]any{"model": m}).Expect(t, 200).Decode(t, &res)
	if res.Ok || res.HTTPStatus != 401 || strings.Contains(res.Message, secret) {
		t.Fatalf("failed test = %+v", res)
	}
	var after channelView
	admin.Get(t, path).Expect(t, 200).Decode(t, &after)
	if after.Status != 1 || after.Keys[0].Status != 1 || after.Version != c.Version {
		t.Fatalf("a test changed the channel: %+v", after)
	}
	if n, _ := dao.RelayLogs.Ctx(ctx).Where("model", m).Count(); n != 0 {
		t.Fatalf("a test logged %d relay rows", n)
	}
	if r := admin.Post(t, path+"/test", map[string]any{"model": "not-" + m}); r.Status != 400 {
		t.Fatalf("foreign model: %d", r.Status)
	}
	admin.Post(t, fmt.Sprintf("/api/relay/channels/%d/test", c.ID+100000), map[string]any{}).Expect(t, 404)

	// test-all in the background, the state in Redis.
	fake.SetDefault(openaicompat.Behaviour{})
	c2 := createChannel(t, admin, map[string]any{"name": "k2-" + m, "baseUrl": "http://127.0.0.1:1/v1", "models": []string{m},
		"keys": []string{"sk-deadKeydeadKeydead"}})
	var task struct {
		TaskID string `json:"taskId"`
	}
	admin.Post(t, "/api/relay/channels/test-all", map[string]any{"ids": []int64{c.ID, c2.ID}}).Expect(t, 200).Decode(t, &task)
	var st struct {
		Status  string      `json:"status"`
		Total   int         `json:"total"`
		Done    int         `json:"done"`
		Ok      int         `json:"ok"`
		Failed  int         `json:"failed"`
		Results []checkView `json:"results"`
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		admin.Get(t, "/api/relay/tasks/"+task.TaskID).Expect(t, 200).Decode(t, &st)
		if st.Status == "done" || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond) // polling a condition, not waiting out a time
	}
	if st.Status != "done" || st.Total != 2 || st.Done != 2 || st.Ok != 1 || st.Failed != 1 || len(st.Results) != 2 ||
		st.Results[0].ChannelID != c.ID || !st.Results[0].Ok || st.Results[1].Ok {
		t.Fatalf("task = %+v", st)
	}
	admin.Get(t, "/api/relay/tasks/"+strings.Repeat("0", 32)).Expect(t, 404)

	var ev struct {
		Items []struct {
			Kind       string `json:"kind"`
			OperatorID int64  `json:"operatorId"`
		} `json:"items"`
		Total int `json:"total"`
	}
	admin.Get(t, path+"/events").Expect(t, 200).Decode(t, &ev)
	if ev.Total != 1 || ev.Items[0].Kind != "created" || ev.Items[0].OperatorID == 0 {
		t.Fatalf("events = %+v", ev)
	}

	aa := testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
	cl := env.Login(t, aa)
	for _, r := range []*testkit.Resp{cl.Post(t, path+"/test", map[string]any{}), cl.Get(t, path+"/events"),
		cl.Post(t, "/api/relay/channels/test-all", map[string]any{}), cl.Get(t, "/api/relay/tasks/"+task.TaskID)} {
		if r.Status != 403 {
			t.Errorf("agent-admin: %d %s", r.Status, r.Raw)
		}
	}
}
