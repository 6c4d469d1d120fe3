package dbx

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// Fields lists the set (non-nil) fields of a generated do struct as column names and values,
// for a Raw statement: the names come from the dao's Columns struct, whose fields are named as
// the do struct's, so no name is guessed (the Model guesses them on every statement by fuzzy
// matching). An unset field is left out, as the Model leaves it out.
func Fields(doRow, columns any) (cols []string, vals []any, err error) {
	v := reflect.ValueOf(doRow)
	m, err := mappingOf(v.Type(), reflect.ValueOf(columns))
	if err != nil {
		return nil, nil, err
	}
	for _, f := range m {
		x := v.Field(f.index)
		if x.IsNil() {
			continue
		}
		cols = append(cols, f.column)
		vals = append(vals, x.Interface())
	}
	return cols, vals, nil
}

// InsertDo is the INSERT of one do row into table.
func (r Raw) InsertDo(ctx context.Context, table string, doRow, columns any) (int64, error) {
	cols, vals, err := Fields(doRow, columns)
	if err != nil {
		return 0, err
	}
	return r.Insert(ctx, InsertSQL(table, 1, cols...), vals...)
}

// UpdateDo sets the do row's set fields on the rows where matches (a WHERE clause with ?
// placeholders for args) and answers how many rows changed.
func (r Raw) UpdateDo(ctx context.Context, table string, doRow, columns any, where string, args ...any) (int64, error) {
	cols, vals, err := Fields(doRow, columns)
	if err != nil {
		return 0, err
	}
	if len(cols) == 0 {
		return 0, fmt.Errorf("dbx: update of %s sets no column", table)
	}
	sql := "UPDATE " + table + " SET " + strings.Join(cols, " = ?, ") + " = ? WHERE " + where
	return r.Affected(ctx, sql, append(vals, args...)...)
}

type fieldColumn struct {
	index  int
	column string
}

type mappingKey struct{ row, columns reflect.Type }

var mappings sync.Map // mappingKey → []fieldColumn

func mappingOf(t reflect.Type, columns reflect.Value) ([]fieldColumn, error) {
	key := mappingKey{t, columns.Type()}
	if m, ok := mappings.Load(key); ok {
		return m.([]fieldColumn), nil
	}
	if t.Kind() != reflect.Struct || columns.Kind() != reflect.Struct {
		return nil, fmt.Errorf("dbx: %s is not a do struct with a Columns struct", t)
	}
	var m []fieldColumn
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous || (f.Type.Kind() != reflect.Interface && f.Type.Kind() != reflect.Pointer) {
			continue // g.Meta; a do struct's fields are any or *gtime.Time
		}
		c := columns.FieldByName(f.Name)
		if !c.IsValid() || c.Kind() != reflect.String {
			return nil, fmt.Errorf("dbx: %s.%s has no column", t, f.Name)
		}
		m = append(m, fieldColumn{index: i, column: c.String()})
	}
	mappings.Store(key, m)
	return m, nil
}
