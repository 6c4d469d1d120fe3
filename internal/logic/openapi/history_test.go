package openapi_test

import (
	"context"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

// The verification history is kept like the other logs: the retention job archives and
// deletes rows past kami.logRetention (90 days) and keeps the newer ones.
func TestVerificationHistoryFollowsLogRetention(t *testing.T) {
	ctx := context.Background()
	admin := testkit.Current().Admin(t)
	add := func(age time.Duration) int64 {
		id, err := dao.CardVerifications.Ctx(ctx).Data(do.CardVerifications{CardId: -1, ProjectId: -1, Result: "VALID",
			CreatedAt: gtime.NewFromTime(time.Now().Add(-age))}).InsertAndGetId()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	old, kept := add(100*24*time.Hour), add(80*24*time.Hour)
	if run := admin.RunJob(t, "log.retention"); run.Status != "success" {
		t.Fatalf("retention run %+v", run)
	}
	left, err := dao.CardVerifications.Ctx(ctx).WhereIn("id", []int64{old, kept}).Array("id")
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 1 || left[0].Int64() != kept {
		t.Fatalf("left %v, want only %d", left, kept)
	}
}
