package derp_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/logic/derp/admit"
	"kami/internal/model/entity"
)

// activeRental activates a 30-day rental of w.Member on 3 fresh servers.
func activeRental(t *testing.T, w world) v1.RentalDetail {
	t.Helper()
	onlyServers(t, 3)
	b := issue(t, w, 3, 1, nil)
	var d v1.RentalDetail
	w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": b.Codes[0]}).Expect(t, http.StatusOK).Decode(t, &d)
	return d
}

// admitTokens are the admission tokens of the rental's containers, as the host worker injects them.
func admitTokens(t *testing.T, rentalID int64) []string {
	t.Helper()
	var cs []entity.DerpContainers
	if err := dao.DerpContainers.Ctx(context.Background()).Where("rental_id", rentalID).OrderAsc("ha_index").Scan(&cs); err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, admit.Token(c.Id, c.TokenGen))
	}
	if len(out) == 0 {
		t.Fatal("no containers")
	}
	return out
}

// admitCall posts body to the hook on base as derper does (contentType "" = none set).
func admitCall(t *testing.T, base, token, body, contentType string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+"/api/derp/admit/"+token, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(raw)
}

func nodeKey(c byte) string { return "nodekey:" + strings.Repeat(string(c), 64) }

func admitBody(key string) string { return `{"NodePublic":"` + key + `","Source":"198.51.100.7"}` }

// expectAllow asserts a 200 with exactly DERPAdmitClientResponse's body.
func expectAllow(t *testing.T, base, token, key string, want bool) {
	t.Helper()
	st, body := admitCall(t, base, token, admitBody(key), "")
	exp := `{"Allow":false}`
	if want {
		exp = `{"Allow":true}`
	}
	if st != http.StatusOK || body != exp {
		t.Fatalf("admit %s: %d %s, want 200 %s", key, st, body, exp)
	}
}
