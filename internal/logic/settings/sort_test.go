package settings_test

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

// The change history follows the one list contract (internal/listq): it used to ignore sortBy
// altogether.
func TestChangesSortContract(t *testing.T) {
	admin := testkit.Current().Admin(t)
	// A key of its own, so the filter selects these rows only (history rows need no definition).
	key := testkit.UniqueName("test.sort.")
	base := time.Now().UTC().Add(-time.Hour).Truncate(time.Second)
	seeds := []struct {
		operator string
		at       time.Duration
	}{
		{"carol", 20 * time.Minute},
		{"alice", 40 * time.Minute},
		{"dave", 10 * time.Minute},
		{"bob", 30 * time.Minute},
	}
	for _, s := range seeds {
		_, err := dao.SettingChanges.Ctx(context.Background()).Data(do.SettingChanges{
			K: key, OldValue: "1", NewValue: "2", Operator: s.operator, CreatedAt: gtime.NewFromTime(base.Add(s.at)),
		}).Insert()
		if err != nil {
			t.Fatal(err)
		}
	}
	listqtest.Check(t, admin, listqtest.List{
		Path: "/api/system/settings/changes/list?key=" + key,
		Fields: map[string]listqtest.Order{
			"id": listqtest.Desc, "key": listqtest.Asc, "operator": listqtest.Asc, "createdAt": listqtest.Desc,
		},
	})
}
