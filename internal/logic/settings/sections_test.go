package settings_test

import (
	"net/http"
	"testing"

	"kami/internal/testkit"
)

type pageGroup struct {
	Section      string `json:"section"`
	SectionTitle string `json:"sectionTitle"`
	Group        string `json:"group"`
	Items        []struct {
		Key             string `json:"key"`
		RestartRequired bool   `json:"restartRequired"`
	} `json:"items"`
}

// The configuration screen's pages: every product group sits on a named page (only this test
// binary's own groups fall to "other"), the pages come in their order with translated titles,
// and ?section= answers one page.
func TestSettingsPages(t *testing.T) {
	cl := testkit.Current().Admin(t)
	order := map[string]int{"basic": 0, "security": 1, "quota": 2, "notification": 3, "openapi": 4, "business": 5, "other": 6}
	for _, lang := range []string{"zh-CN", "en"} {
		cl.Lang = lang
		var groups []pageGroup
		cl.Get(t, "/api/system/settings").Expect(t, http.StatusOK).Decode(t, &groups)
		last := -1
		for _, g := range groups {
			pos, ok := order[g.Section]
			if !ok || pos < last {
				t.Fatalf("%s: group %s on page %q out of order", lang, g.Group, g.Section)
			}
			last = pos
			if g.Section == "other" && g.Group != "other" && g.Group != "test" {
				t.Errorf("%s: group %s is on no page", lang, g.Group)
			}
			if g.SectionTitle == "" || g.SectionTitle == "settings.section."+g.Section {
				t.Errorf("%s: page %s has no title", lang, g.Section)
			}
		}
	}
	cases := []struct {
		section string
		want    int
		groups  map[string]bool
	}{
		{"security", http.StatusOK, map[string]bool{"auth": true, "password": true, "register": true, "security": true}},
		{"basic", http.StatusOK, map[string]bool{"system": true, "maintenance": true}},
		{"nonsense", http.StatusBadRequest, nil},
	}
	for _, c := range cases {
		t.Run(c.section, func(t *testing.T) {
			r := cl.Get(t, "/api/system/settings?section="+c.section).Expect(t, c.want)
			if c.want != http.StatusOK {
				return
			}
			var groups []pageGroup
			r.Decode(t, &groups)
			seen := map[string]bool{}
			for _, g := range groups {
				if g.Section != c.section || !c.groups[g.Group] {
					t.Fatalf("page %s answered group %s (%s)", c.section, g.Group, g.Section)
				}
				seen[g.Group] = true
			}
			if len(seen) != len(c.groups) {
				t.Fatalf("page %s has groups %v, want %v", c.section, seen, c.groups)
			}
		})
	}
}
