package middleware_test

import (
	"strconv"
	"strings"
	"testing"

	"kami/internal/testkit"
)

// `PUT /api/system/user/4?id=5` changed user 5. A path parameter comes from the router only: a
// different value under the same name (as gf matches names) in the query or the body is
// refused naming it, and neither user changes; an equal one passes.
func TestPathParameterCannotBeOverridden(t *testing.T) {
	env := testkit.Current()
	su := env.Admin(t)
	su.Lang = "en"
	a, b := agentAdmin(t), agentAdmin(t)
	pathA := "/api/system/user/" + strconv.FormatInt(a.ID, 10)
	idB := strconv.FormatInt(b.ID, 10)
	cases := []struct {
		name   string
		path   string
		body   string
		status int
	}{
		{"query id", pathA + "?id=" + idB, `{"remark":"query"}`, 400},
		{"query ID", pathA + "?ID=" + idB, `{"remark":"query-upper"}`, 400},
		{"query i_d", pathA + "?i_d=" + idB, `{"remark":"query-fuzzy"}`, 400},
		{"body id", pathA, `{"id":` + idB + `,"remark":"body"}`, 400},
		{"body id as string", pathA, `{"id":"` + idB + `","remark":"body-string"}`, 400},
		{"status route, query", pathA + "/status?id=" + idB, `{"status":0}`, 400},
		{"equal query id", pathA + "?id=" + strconv.FormatInt(a.ID, 10), `{"remark":"same"}`, 200},
		{"equal body id", pathA, `{"id":` + strconv.FormatInt(a.ID, 10) + `,"remark":"same-body"}`, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := send(t, su, "PUT", c.path, "application/json", c.body, nil)
			if r.Status != c.status {
				t.Fatalf("HTTP %d, want %d: %s", r.Status, c.status, r.Raw)
			}
			if c.status == 400 && (r.ErrorCode() != "INVALID_INPUT" || !strings.Contains(r.ErrorText(), "id")) {
				t.Fatalf("refusal does not name the parameter: %s", r.Raw)
			}
			if ub := userByID(t, b.ID); ub.Remark != "" || ub.Status != 1 {
				t.Fatalf("the user named outside the path changed: %+v", ub)
			}
			if ua := userByID(t, a.ID); c.status == 400 && (ua.Status != 1 || strings.HasPrefix(ua.Remark, "query") || strings.HasPrefix(ua.Remark, "body")) {
				t.Fatalf("a refused request changed the path's user: %+v", ua)
			}
		})
	}
	if ua := userByID(t, a.ID); ua.Remark != "same-body" {
		t.Fatalf("an equal id was refused: %+v", ua)
	}
}
