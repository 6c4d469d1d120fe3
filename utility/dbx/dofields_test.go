package dbx

import (
	"reflect"
	"strings"
	"testing"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

type rowDo struct {
	g.Meta    `orm:"table:rows, do:true"`
	Id        any
	UserId    any
	CreatedAt *gtime.Time
}

type rowColumns struct{ Id, UserId, CreatedAt string }

var rowCols = rowColumns{Id: "id", UserId: "user_id", CreatedAt: "created_at"}

func TestFields(t *testing.T) {
	now := gtime.Now()
	cases := []struct {
		name     string
		row      rowDo
		wantCols []string
		wantVals []any
	}{
		{"set fields only, in struct order", rowDo{UserId: 7, CreatedAt: now}, []string{"user_id", "created_at"}, []any{7, now}},
		{"zero values are set values", rowDo{Id: 0, UserId: ""}, []string{"id", "user_id"}, []any{0, ""}},
		{"nothing set", rowDo{}, nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cols, vals, err := Fields(tc.row, rowCols)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(cols, tc.wantCols) || !reflect.DeepEqual(vals, tc.wantVals) {
				t.Fatalf("got %v %v, want %v %v", cols, vals, tc.wantCols, tc.wantVals)
			}
		})
	}
}

func TestFieldsRefusesAColumnlessField(t *testing.T) {
	type other struct{ Id string }
	if _, _, err := Fields(rowDo{Id: 1}, other{Id: "id"}); err == nil || !strings.Contains(err.Error(), "UserId") {
		t.Fatalf("want an error naming the field without a column, got %v", err)
	}
}

func TestInsertSQL(t *testing.T) {
	if got, want := InsertSQL("t", 2, "a", "b"), "INSERT INTO t (a, b) VALUES (?,?), (?,?)"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
