// Package listqtest checks a list endpoint against listq's rules over HTTP, so every list is
// held to the same table: each whitelisted field ascending, descending and in its natural order,
// the default order, unknown fields refused in both languages, and the paging bounds.
package listqtest

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"kami/internal/testkit"
)

// Order is a field's natural order, what an absent sortOrder means.
type Order string

const (
	Asc  Order = "asc"  // text: A to Z
	Desc Order = "desc" // times, ids, numbers: newest, largest first
)

// List is one list endpoint with rows seeded for the check.
type List struct {
	// Path with a filter that selects the seeded rows and nothing else, e.g.
	// "/api/system/user/list?username=L1a2b". At least three rows; the more fields that vary
	// among them, the more the check proves (a field equal in every row still shows the
	// direction, through the id that breaks ties).
	Path string
	// Fields maps every whitelisted sortBy name (also the item's JSON name) to its natural order.
	Fields map[string]Order
}

type row map[string]any

// Check runs the whole table against l as cl.
func Check(t *testing.T, cl *testkit.Client, l List) {
	t.Helper()
	sep := "?"
	if strings.Contains(l.Path, "?") {
		sep = "&"
	}
	get := func(t *testing.T, query string) ([]row, int) {
		t.Helper()
		var page struct {
			Items []row `json:"items"`
			Total int   `json:"total"`
		}
		cl.Get(t, l.Path+sep+query).Expect(t, http.StatusOK).Decode(t, &page)
		return page.Items, page.Total
	}
	all, total := get(t, "pageSize=100")
	if total < 3 || len(all) != total {
		t.Fatalf("%s: %d rows (total %d); seed at least three", l.Path, len(all), total)
	}

	t.Run("default is id, newest first", func(t *testing.T) {
		wantOrdered(t, "id", Desc, all)
		asc, _ := get(t, "pageSize=100&sortOrder=asc")
		wantOrdered(t, "id", Asc, asc)
	})
	for field, natural := range l.Fields {
		t.Run("sortBy="+field, func(t *testing.T) {
			if _, ok := all[0][field]; !ok {
				t.Fatalf("items have no %q field: %v", field, all[0])
			}
			byOrder := map[Order][]row{}
			for _, o := range []Order{Asc, Desc} {
				byOrder[o], _ = get(t, "pageSize=100&sortBy="+field+"&sortOrder="+string(o))
				wantOrdered(t, field, o, byOrder[o])
			}
			absent, _ := get(t, "pageSize=100&sortBy="+field)
			if got, want := ids(absent), ids(byOrder[natural]); got != want {
				t.Fatalf("no sortOrder gave %s, want the natural order (%s) %s", got, natural, want)
			}
		})
	}
	// An unknown name, and a real column under its SQL name: neither is an API field.
	for _, bogus := range []string{"bogus", "created_at", "password_hash"} {
		t.Run("sortBy="+bogus, func(t *testing.T) {
			for lang, text := range map[string]string{
				"zh-CN": "不支持按 " + bogus + " 排序",
				"en":    "Cannot sort by " + bogus,
			} {
				c := *cl
				c.Lang = lang
				r := c.Get(t, l.Path+sep+"sortBy="+bogus).Expect(t, http.StatusBadRequest)
				if r.Code != 40009 || r.ErrorCode() != "SORT_FIELD_INVALID" || r.ErrorText() != text {
					t.Errorf("%s: %s, want 40009 SORT_FIELD_INVALID %q", lang, r.Raw, text)
				}
			}
		})
	}
	t.Run("paging", func(t *testing.T) {
		var pages []row
		for p := 1; p <= (total+1)/2; p++ {
			items, n := get(t, fmt.Sprintf("pageSize=2&page=%d", p))
			if n != total || len(items) > 2 {
				t.Fatalf("page %d: %d items, total %d", p, len(items), n)
			}
			pages = append(pages, items...)
		}
		if ids(pages) != ids(all) {
			t.Fatalf("pages of 2 gave %s, one page %s", ids(pages), ids(all))
		}
		if items, n := get(t, fmt.Sprintf("pageSize=2&page=%d", total)); len(items) != 0 || n != total {
			t.Fatalf("past the end: %d items, total %d", len(items), n)
		}
		get(t, "pageSize=100&page=1")
		get(t, "pageSize=1")
	})
	for _, q := range []string{"page=0", "page=-1", "pageSize=0", "pageSize=101", "pageSize=-5", "sortOrder=up"} {
		t.Run(q, func(t *testing.T) {
			texts := map[string]string{}
			for _, lang := range []string{"zh-CN", "en"} {
				c := *cl
				c.Lang = lang
				r := c.Get(t, l.Path+sep+q).Expect(t, http.StatusBadRequest)
				if r.ErrorCode() != "INVALID_INPUT" {
					t.Fatalf("%s: %s", lang, r.Raw)
				}
				texts[lang] = r.ErrorText()
			}
			if texts["zh-CN"] == texts["en"] {
				t.Errorf("the same text in both languages: %q", texts["en"])
			}
		})
	}
}

// wantOrdered fails unless rows are ordered by field in direction o, ties broken by id in the
// same direction. JSON null (a time never set) sorts below every value, as on both databases.
func wantOrdered(t *testing.T, field string, o Order, rows []row) {
	t.Helper()
	for i := 1; i < len(rows); i++ {
		c := compare(rows[i-1][field], rows[i][field])
		if c == 0 {
			c = compare(rows[i-1]["id"], rows[i]["id"])
		}
		if (o == Asc && c > 0) || (o == Desc && c < 0) || c == 0 {
			t.Fatalf("sortBy=%s %s: rows %d and %d out of order: %v", field, o, i-1, i, column(rows, field))
		}
	}
}

// compare orders two JSON values of one field: numbers by value, strings byte-wise (RFC 3339
// times of one zone, lower-case names), null first.
func compare(a, b any) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	switch x := a.(type) {
	case float64:
		y, _ := b.(float64)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	case string:
		y, _ := b.(string)
		return strings.Compare(x, y)
	}
	return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
}

func ids(rows []row) string { return fmt.Sprint(column(rows, "id")) }

func column(rows []row, field string) []any {
	out := make([]any, 0, len(rows))
	for _, r := range rows {
		out = append(out, r[field])
	}
	return out
}
