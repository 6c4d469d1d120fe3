package openapi_test

import (
	"context"
	"net/http"
	"testing"

	"kami/internal/service"
	"kami/internal/testkit"
	"kami/sdk/go/kami"
)

// Calls through the OpenAPI show in the project's call log by endpoint and result, and a
// refused one in the failure log; another project's log has none of them.
func TestCallsShowInTheProjectsLog(t *testing.T) {
	admin := testkit.Current().Admin(t)
	p := newProject(t, admin, 3600, 1, nil)
	other := newProject(t, admin, 3600, 1, nil)
	k := keys(t, admin, p, 1)[0]
	c := local(p)
	ctx := context.Background()
	expectResult(t, verify(t, c, k, "d1"), kami.ResultValid)
	expectResult(t, verify(t, c, k, "d1"), kami.ResultValid)
	expectResult(t, verify(t, c, k, "d2"), kami.ResultDeviceMismatch)
	if _, err := c.Query(ctx, k); err != nil {
		t.Fatal(err)
	}
	bad := p
	bad.AppSecret = "as_wrong"
	_, err := local(bad).Query(ctx, k)
	expectCode(t, err, http.StatusUnauthorized, "SIGNATURE_INVALID")
	if err := service.ApiCalls().Flush(ctx); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Items []struct {
			Endpoint, Result string
			Calls            int64
		} `json:"items"`
	}
	admin.Get(t, path("/api/projects/%d/calls/list", p.ID)).Expect(t, http.StatusOK).Decode(t, &log)
	got := map[string]int64{}
	for _, it := range log.Items {
		got[it.Endpoint+" "+it.Result] += it.Calls
	}
	want := map[string]int64{"verify VALID": 2, "verify DEVICE_MISMATCH": 1, "query OK": 1, "query SIGNATURE_INVALID": 1}
	for k, n := range want {
		if got[k] != n {
			t.Fatalf("call log %v, want %v", got, want)
		}
	}
	var fails struct {
		Items []struct {
			Endpoint, Error string
			HttpStatus      int `json:"httpStatus"`
		} `json:"items"`
	}
	admin.Get(t, path("/api/projects/%d/failures/list", p.ID)).Expect(t, http.StatusOK).Decode(t, &fails)
	if len(fails.Items) != 1 || fails.Items[0].Error != "SIGNATURE_INVALID" || fails.Items[0].HttpStatus != 401 ||
		fails.Items[0].Endpoint != "query" {
		t.Fatalf("failure log %+v", fails.Items)
	}
	admin.Get(t, path("/api/projects/%d/calls/list", other.ID)).Expect(t, http.StatusOK).Decode(t, &log)
	if len(log.Items) != 0 {
		t.Fatalf("another project's log: %+v", log.Items)
	}
}

// Disabling a card through the admin API sends card.disabled to a project that chose it.
func TestDisableSendsCardDisabled(t *testing.T) {
	testkit.SetSettings(t, map[string]any{"outbox.allowPrivateTargets": true})
	rc := &receiver{}
	srv := httptestServer(t, rc)
	admin := testkit.Current().Admin(t)
	p := newProject(t, admin, 3600, 1, map[string]any{"callbackUrl": srv + "/kami", "callbackEvents": []string{"card.disabled"}})
	rc.secret = []byte(p.WebhookSecret)
	k := keys(t, admin, p, 1)[0]
	setCardStatus(t, admin, cardID(t, p, k), "disabled")
	waitFor(t, "card.disabled", func() bool { return len(rc.hooks()) == 1 })
	h := rc.hooks()[0]
	if h.event != "card.disabled" || h.sigErr != "" || h.body["data"].(map[string]any)["status"] != "disabled" {
		t.Fatalf("hook %+v", h)
	}
}
