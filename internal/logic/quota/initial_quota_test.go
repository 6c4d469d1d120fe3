package quota_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/testkit"
)

// createWithQuota has cl create a user of role with initialQuota and answers the response.
func createWithQuota(t *testing.T, cl *testkit.Client, role string, initial int64) (*testkit.Resp, string) {
	t.Helper()
	name := testkit.UniqueName("iq")
	return cl.Post(t, "/api/system/user", map[string]any{"username": name, "password": "Init-Pass-1234", "role": role,
		"initialQuota": initial}), name
}

func createdID(t *testing.T, r *testkit.Resp) int64 {
	t.Helper()
	var it struct {
		ID int64 `json:"id"`
	}
	r.Expect(t, http.StatusOK).Decode(t, &it)
	if it.ID == 0 {
		t.Fatalf("no id: %s", r.Raw)
	}
	return it.ID
}

func userExists(t *testing.T, username string) bool {
	t.Helper()
	n, err := dao.Users.Ctx(context.Background()).Where("username", username).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n > 0
}

// A new user may start with quota, moved in the same transaction as the user row: a system
// credit from the super-admin, the creator's own quota from anyone else.
func TestCreateUserWithInitialQuota(t *testing.T) {
	f := newFamily(t)

	t.Run("super-admin creates an agent-admin: a system credit", func(t *testing.T) {
		r, _ := createWithQuota(t, f.Admin.Client, "agent-admin", 5000)
		id := createdID(t, r)
		if got := balanceOf(t, id); got.Available != 5000 {
			t.Fatalf("new agent-admin holds %+v", got)
		}
		entries := ledger(t, f.Admin.Client, "ref=user:"+strconv.FormatInt(id, 10))
		if len(entries) != 2 || users(entries)[model.SystemAccount] != 1 || users(entries)[id] != 1 {
			t.Fatalf("entries %+v", entries)
		}
		for _, e := range entries {
			if e.Type != model.QuotaTypeInitial || e.OperatorID != f.Admin.ID {
				t.Errorf("entry %+v", e)
			}
		}
		checkLedger(t, id)
	})

	t.Run("agent-admin creates an agent: from its own quota", func(t *testing.T) {
		fund(t, f.Boss.ID, 1000)
		r, _ := createWithQuota(t, f.Boss.Client, "agent", 400)
		id := createdID(t, r)
		if got := balanceOf(t, id); got.Available != 400 {
			t.Fatalf("new agent holds %+v", got)
		}
		if got := balanceOf(t, f.Boss.ID); got.Available != 600 {
			t.Fatalf("Boss holds %+v, want 600 left", got)
		}
		entries := ledger(t, f.Boss.Client, "type=initial_quota&ref=user:"+strconv.FormatInt(id, 10))
		if u := users(entries); len(entries) != 2 || u[f.Boss.ID] != 1 || u[id] != 1 {
			t.Fatalf("a transfer's two legs: %+v", entries)
		}
		checkLedger(t, f.Boss.ID, id)
	})

	t.Run("agent-admin without enough: 409 and no user", func(t *testing.T) {
		before := balanceOf(t, f.Boss.ID)
		r, name := createWithQuota(t, f.Boss.Client, "agent", before.Available+1)
		if r.Expect(t, http.StatusConflict); r.ErrorCode() != "QUOTA_INSUFFICIENT" {
			t.Fatalf("%s", r.Raw)
		}
		if userExists(t, name) {
			t.Fatalf("user %s was created without its quota", name)
		}
		if got := balanceOf(t, f.Boss.ID); got != before {
			t.Fatalf("Boss %+v, was %+v", got, before)
		}
		// The name is free: the refused create left nothing behind.
		fund(t, f.Boss.ID, 1)
		r = f.Boss.Client.Post(t, "/api/system/user", map[string]any{"username": name, "password": "Init-Pass-1234",
			"role": "agent", "initialQuota": before.Available + 1})
		id := createdID(t, r)
		if got := balanceOf(t, f.Boss.ID); got.Available != 0 || balanceOf(t, id).Available != before.Available+1 {
			t.Fatalf("Boss %+v after giving everything", got)
		}
		checkLedger(t, f.Boss.ID, id)
	})

	t.Run("initialQuota 0: no movement", func(t *testing.T) {
		fund(t, f.Boss.ID, 50)
		for _, cl := range []*testkit.Client{f.Admin.Client, f.Boss.Client} {
			r, _ := createWithQuota(t, cl, "agent", 0)
			id := createdID(t, r)
			if got := balanceOf(t, id); got.Available != 0 {
				t.Fatalf("holds %+v", got)
			}
			n, err := dao.QuotaEntries.Ctx(context.Background()).Where("user_id", id).Count()
			if err != nil || n != 0 {
				t.Fatalf("%d entries (%v)", n, err)
			}
		}
		if got := balanceOf(t, f.Boss.ID); got.Available != 50 {
			t.Fatalf("Boss %+v", got)
		}
	})

	t.Run("out of bounds", func(t *testing.T) {
		for _, v := range []int64{-1, 100_000_000_001} {
			r, name := createWithQuota(t, f.Admin.Client, "agent", v)
			if r.Expect(t, http.StatusBadRequest); r.ErrorCode() != "INVALID_INPUT" || userExists(t, name) {
				t.Fatalf("initialQuota %d: %s", v, r.Raw)
			}
		}
	})

	t.Run("a retried create moves the quota once", func(t *testing.T) {
		fund(t, f.Boss.ID, 300)
		before := balanceOf(t, f.Boss.ID)
		cl := withKey(f.Boss.Client, testkit.UniqueName("ck"))
		body := map[string]any{"username": testkit.UniqueName("iq"), "password": "Init-Pass-1234", "role": "agent", "initialQuota": 300}
		id := createdID(t, cl.Post(t, "/api/system/user", body))
		if again := createdID(t, cl.Post(t, "/api/system/user", body)); again != id {
			t.Fatalf("retry answered user %d, first %d", again, id)
		}
		if got := balanceOf(t, f.Boss.ID); got.Available != before.Available-300 {
			t.Fatalf("Boss %+v, was %+v", got, before)
		}
		checkLedger(t, f.Boss.ID, id)
	})
}
