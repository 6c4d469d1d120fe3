package settings

import "sort"

// The configuration screen has a few pages (seed 001 §6.1); each settings group belongs to one.
// The pages are the panel's layout, not a module's concern, so the mapping lives here once;
// a group nobody placed yet lands on "other" rather than disappearing.
var sections = []struct {
	code   string
	groups []string
}{
	{"basic", []string{"system", "maintenance"}},
	{"security", []string{"auth", "password", "register", "security"}},
	{"quota", []string{"quota", "payment"}},
	{"notification", []string{"notify", "mail", "outbox"}},
	{"openapi", []string{"openapi", "projects"}},
	{"business", []string{"relay", "derp", "proxy", "camel_oil"}},
}

// SectionOther is the page of the groups no section names.
const SectionOther = "other"

// sectionOf is the page of group and its position among the pages.
func sectionOf(group string) (string, int) {
	for i, s := range sections {
		for _, g := range s.groups {
			if g == group {
				return s.code, i
			}
		}
	}
	return SectionOther, len(sections)
}

// bySection orders groups page by page, keeping their order within a page.
func bySection[T any](groups []T, group func(T) string) {
	sort.SliceStable(groups, func(i, j int) bool {
		_, a := sectionOf(group(groups[i]))
		_, b := sectionOf(group(groups[j]))
		return a < b
	})
}
