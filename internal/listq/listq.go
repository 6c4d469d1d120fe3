// Package listq is the one way a list endpoint pages and sorts (admin-api.md "Lists"): paging
// from common.PageReq, a whitelist per list mapping API field names to columns, and the same
// sortBy/sortOrder rules on every list, so a client learns them once.
//
// The rules, stated here and nowhere else:
//   - sortBy absent: the list's key field (its primary key) in its natural order.
//   - sortOrder absent: the field's natural order — A to Z for a Text field; newest, largest
//     first for an Ordinal one (times, ids, amounts, statuses).
//   - sortBy not in the list's whitelist: 400 SORT_FIELD_INVALID; a column name is never taken
//     from the request.
//   - the key field breaks ties in the same direction, so rows never swap between pages.
package listq

import (
	"strings"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/api/common"
	"kami/internal/errs"
	"kami/utility/dbx"
)

const (
	defaultPageSize = 20
	maxPageSize     = 100
)

// Field is one sortable field of a list: its column and its natural order.
type Field struct {
	column string
	desc   bool
}

// Text is a field read alphabetically (names, keys, addresses): A to Z unless asked otherwise.
func Text(column string) Field { return Field{column: column} }

// Ordinal is a field read by magnitude (times, ids, counts, statuses): newest or largest first
// unless asked otherwise.
func Ordinal(column string) Field { return Field{column: column, desc: true} }

// Sorts is one list's whitelist.
type Sorts struct {
	key    string
	fields map[string]Field
}

// NewSorts declares a list's sortable fields by API name; key names the unique field (the
// primary key) that is the default sort and breaks ties. A key missing from fields is a
// mistake in the declaration, found when the package initializes.
func NewSorts(key string, fields map[string]Field) Sorts {
	if _, ok := fields[key]; !ok {
		panic("listq: key field " + key + " is not among the sortable fields")
	}
	return Sorts{key: key, fields: fields}
}

// Apply orders m as the page asks; an unknown sortBy is SORT_FIELD_INVALID.
func (s Sorts) Apply(m *gdb.Model, p common.PageReq) (*gdb.Model, error) {
	name := p.SortBy
	if name == "" {
		name = s.key
	}
	f, ok := s.fields[name]
	if !ok {
		return nil, errs.SortInvalid.New(p.SortBy)
	}
	desc := f.desc
	switch p.SortOrder {
	case "asc":
		desc = false
	case "desc":
		desc = true
	}
	order := m.OrderAsc
	if desc {
		order = m.OrderDesc
	}
	m = order(f.column)
	if key := s.fields[s.key].column; key != f.column {
		if desc {
			m = m.OrderDesc(key)
		} else {
			m = m.OrderAsc(key)
		}
	}
	return m, nil
}

// Page answers one page of the rows the filtered model m selects and the count of all of them.
// m is made Safe, so the count and the page are both derived from the same filters without
// one query's clauses leaking into the other.
func Page[T any](m *gdb.Model, p common.PageReq, s Sorts) ([]T, int, error) {
	m, err := s.Apply(m.Safe(), p)
	if err != nil {
		return nil, 0, err
	}
	page, size := p.Page, p.PageSize
	// The v: tags of PageReq refuse these over HTTP; a caller in Go gets the same bounds.
	if page < 1 {
		page = 1
	}
	if size < 1 {
		size = defaultPageSize
	}
	if size > maxPageSize {
		size = maxPageSize
	}
	var (
		rows  []T
		total int
	)
	if err = m.Page(page, size).ScanAndCount(&rows, &total, false); err != nil && !dbx.IsNoRows(err) {
		return nil, 0, err
	}
	return rows, total, nil
}

// likeEscaper makes a substring filter literal: "_" and "%" would otherwise be wildcards. The
// escape character is "!" because SQLite has no default one and a backslash means different
// things inside MySQL and SQLite string literals.
var likeEscaper = strings.NewReplacer(`!`, `!!`, `%`, `!%`, `_`, `!_`)

// Contains keeps the rows whose column contains s literally, the same on MySQL and SQLite.
func Contains(m *gdb.Model, column, s string) *gdb.Model {
	return m.Where(column+" LIKE ? ESCAPE '!'", "%"+likeEscaper.Replace(s)+"%")
}
