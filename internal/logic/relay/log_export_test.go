package relay_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kami/internal/adapter/openaicompat"
	"kami/internal/consts"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
)

// exportRows checks the download headers and returns the sheet's cells as text.
func exportRows(t *testing.T, r *testkit.Resp) [][]string {
	t.Helper()
	r.Expect(t, http.StatusOK)
	if cd := r.Header.Get("Content-Disposition"); !strings.Contains(cd, "relay-logs-") || !strings.Contains(cd, ".xlsx") {
		t.Errorf("Content-Disposition %q", cd)
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Raw))
	if err != nil {
		t.Fatalf("not an xlsx (%d bytes): %v", len(r.Raw), err)
	}
	defer func() { _ = f.Close() }()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// The export has the list's rows for the same filter and scope: an agent gets its own rows
// only, and only the super-admin gets the channel columns.
func TestLogExport(t *testing.T) {
	ctx := context.Background()
	env := testkit.Current()
	admin := env.Admin(t)
	fake := fakeUpstream(t)
	fake.SetDefault(openaicompat.Behaviour{Content: "x", Usage: [3]int64{10, 5, 0}})
	m := testkit.UniqueName("gpt-")
	seedPrice(t, m, "1", "1")
	createChannel(t, admin, map[string]any{"name": "e-" + m, "baseUrl": fake.URL(), "models": []string{m},
		"keys": []string{"sk-expKeyexpKeyexpKey1"}})
	aa := testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
	ag := testkit.SeedUser(t, consts.RoleAgent, aa)
	other := testkit.SeedUser(t, consts.RoleAgent, aa)
	for _, u := range []testkit.SeededUser{ag, other} {
		if _, err := service.Quota().Credit(ctx, nil, model.QuotaMove{UserID: u.ID, Amount: 10000,
			Type: model.QuotaTypeSystemRecharge}); err != nil {
			t.Fatal(err)
		}
	}
	_, key := seedToken(t, ag.ID, 0)
	cl := sdk(key)
	for i := 0; i < 2; i++ {
		if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); err != nil {
			t.Fatal(err)
		}
	}
	_, key2 := seedToken(t, other.ID, 0)
	cl2 := sdk(key2)
	if _, err := cl2.Chat.Completions.New(ctx, chatParams(m)); err != nil {
		t.Fatal(err)
	}
	q := "/api/relay/logs/export?model=" + m

	en := *admin
	en.Lang = "en"
	rows := exportRows(t, en.Get(t, q))
	if len(rows) != 4 || rows[0][0] != "Log ID" || rows[0][17] != "Charged (units)" || rows[0][23] != "Channel ID" {
		t.Fatalf("super-admin export: %v", rows)
	}
	if rows[1][8] != m || rows[1][17] != "15" || rows[1][19] != "committed" {
		t.Fatalf("row %v", rows[1])
	}
	rows = exportRows(t, env.Login(t, aa).Get(t, q))
	if len(rows) != 4 || len(rows[0]) != 23 {
		t.Fatalf("agent-admin export: %d rows, header %v", len(rows), rows[0])
	}
	rows = exportRows(t, env.Login(t, ag).Get(t, q))
	if len(rows) != 3 || len(rows[0]) != 23 {
		t.Fatalf("agent export: %v", rows)
	}
	for _, r := range rows[1:] {
		if r[4] != ag.Username {
			t.Fatalf("agent sees another's row %v", r)
		}
	}
	if r := env.Login(t, ag).Get(t, q+"&startTime=soon"); r.Status != 400 {
		t.Fatalf("bad time: %d", r.Status)
	}
	if r := env.Client().Get(t, q); r.Status != 401 {
		t.Fatalf("anonymous: %d", r.Status)
	}
}
