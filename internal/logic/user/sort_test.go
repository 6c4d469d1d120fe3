package user_test

import (
	"context"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/listq/listqtest"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

// The user list follows the one list contract (internal/listq): every sortable field both ways
// and in its natural order, unknown fields 400 SORT_FIELD_INVALID in zh-CN and en, paging bounds.
func TestUserListSortContract(t *testing.T) {
	su := admin(t)
	tag := testkit.UniqueName("s")
	base := time.Now().UTC().Add(-48 * time.Hour).Truncate(time.Second)
	// Rows whose name, creation and last login order each differ from their id order, so a field
	// sorted by the wrong column shows.
	seeds := []struct {
		suffix    string
		created   time.Duration
		lastLogin time.Duration // 0: never logged in (null)
	}{
		{"d", 3 * time.Hour, 0},
		{"b", 1 * time.Hour, 5 * time.Hour},
		{"a", 4 * time.Hour, 0},
		{"c", 2 * time.Hour, 7 * time.Hour},
	}
	for _, s := range seeds {
		it := createItem(t, su, "agent-admin", map[string]string{"username": tag + s.suffix})
		data := do.Users{CreatedAt: gtime.NewFromTime(base.Add(s.created))}
		if s.lastLogin > 0 {
			data.LastLoginAt = gtime.NewFromTime(base.Add(s.lastLogin))
		}
		if _, err := dao.Users.Ctx(context.Background()).WherePri(it.ID).Data(data).Update(); err != nil {
			t.Fatal(err)
		}
	}
	listqtest.Check(t, su, listqtest.List{
		Path: "/api/system/user/list?username=" + tag,
		Fields: map[string]listqtest.Order{
			"id":          listqtest.Desc,
			"username":    listqtest.Asc,
			"createdAt":   listqtest.Desc,
			"lastLoginAt": listqtest.Desc,
		},
	})
}
