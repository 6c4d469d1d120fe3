package derp_test

import (
	"net/http"
	"testing"
)

// §14.13 for this part's routes: every caller against every route, allow and deny; staff on
// /me → 403 DERP_NOT_CUSTOMER; the admission hook needs no session.
func TestAclAccessMatrix(t *testing.T) {
	w := newWorld(t)
	frozen(t)
	d := activeRental(t, w)
	me := "/api/derp/me/rentals/" + itoa(d.Id)
	routes := []struct {
		method, path string
		body         any
		want         [5]int // S, AA, A, member, anon
	}{
		{"GET", "/api/derp/acl/downloads/list", nil, [5]int{200, 200, 200, 403, 401}},
		{"GET", "/api/derp/acl/generations/list", nil, [5]int{200, 200, 200, 403, 401}},
		{"POST", "/api/derp/rentals/" + itoa(d.Id) + "/acl/regenerate", nil, [5]int{200, 200, 403, 403, 401}},
		{"GET", me + "/acl", nil, [5]int{403, 403, 403, 200, 401}},
		{"GET", me + "/acl/versions", nil, [5]int{403, 403, 403, 200, 401}},
		{"POST", me + "/acl/regenerate", nil, [5]int{403, 403, 403, 200, 401}},
		{"PUT", me, map[string]any{"omitDefaultRegions": true}, [5]int{403, 403, 403, 200, 401}},
		{"GET", me + "/devices/list", nil, [5]int{403, 403, 403, 200, 401}},
		{"POST", me + "/devices", map[string]any{"nodeKey": nodeKey('7')}, [5]int{403, 403, 403, 200, 401}},
		{"POST", me + "/devices/learn", map[string]any{"minutes": 1}, [5]int{403, 403, 403, 200, 401}},
		{"PUT", me + "/devices/999999999", map[string]any{"status": "blocked"}, [5]int{403, 403, 403, 404, 401}},
		{"DELETE", me + "/devices/999999999", nil, [5]int{403, 403, 403, 404, 401}},
	}
	for _, rt := range routes {
		for i, c := range w.callers() {
			r := c.C.Do(t, rt.method, rt.path, rt.body)
			if r.Status != rt.want[i] {
				t.Fatalf("%s %s as %s: %d, want %d (%s)", rt.method, rt.path, c.Name, r.Status, rt.want[i], r.Raw)
			}
			if r.Status == http.StatusForbidden && c.Name != "member" && rt.want[3] != 403 && r.Reason != "DERP_NOT_CUSTOMER" {
				t.Fatalf("%s %s as %s: reason %s", rt.method, rt.path, c.Name, r.Reason)
			}
		}
	}
	tok := admitTokens(t, d.Id)[0]
	expectAllow(t, testClient().Base, tok, nodeKey('7'), true)
}
