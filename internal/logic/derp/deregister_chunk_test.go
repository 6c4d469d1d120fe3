package derp_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

// The lifecycle scans write a chunk of rentals per transaction and read what the chunk's rows
// need together: rentals of different customers deregistered in the same runs keep their own
// containers, terms and notice in their history, as when each had its own transaction.
func TestDeregisterChunkKeepsRentalsApart(t *testing.T) {
	w := newWorld(t)
	h := fakeHosts(t, w, 3)
	clk, _ := frozen(t)
	owners := []actor{w.Member, login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser)),
		login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser))}
	rentals := make([]v1.RentalDetail, len(owners))
	for i, o := range owners {
		rentals[i] = activateSerial(t, w, o, 1)
	}
	h.settle()
	clk.Advance(t, 3*day)
	w = relogin(t, w)
	w.Admin.C.RunJob(t, "derp.expire")
	h.settle()
	clk.Advance(t, 30*day+time.Minute)
	w = relogin(t, w)
	w.Admin.C.RunJob(t, "derp.deregister") // deregistering, removals queued
	h.settle()
	w.Admin.C.RunJob(t, "derp.deregister") // finished
	ctx := context.Background()
	for i, r := range rentals {
		if row := lifeRentalRow(t, r.Id); row.State != "deregistered" || row.UserId != owners[i].ID {
			t.Fatalf("rental %d: %s of user %d", r.Id, row.State, row.UserId)
		}
		var hist *entity.DerpRentalHistory
		if err := dao.DerpRentalHistory.Ctx(ctx).Where("rental_id", r.Id).Scan(&hist); err != nil || hist == nil {
			t.Fatalf("history of %d: %v", r.Id, err)
		}
		var snap v1.RentalSnapshot
		if err := json.Unmarshal([]byte(hist.Snapshot), &snap); err != nil {
			t.Fatal(err)
		}
		if hist.UserId != owners[i].ID || snap.RentalNo != r.RentalNo {
			t.Fatalf("history of %d: user %d, %s", r.Id, hist.UserId, snap.RentalNo)
		}
		cs := threeContainersOf(t, r.Id)
		if len(snap.Containers) != len(cs) {
			t.Fatalf("snapshot of %d has %d containers, want %d", r.Id, len(snap.Containers), len(cs))
		}
		for j, c := range cs {
			if got := snap.Containers[j]; got.Id != c.Id || got.HaIndex != c.HaIndex || got.ServerName == "" {
				t.Fatalf("snapshot of %d container %d: %+v, want %+v", r.Id, j, got, c)
			}
		}
		var periods []entity.DerpRentalPeriods
		if err := dao.DerpRentalPeriods.Ctx(ctx).Where("rental_id", r.Id).OrderAsc("id").Scan(&periods); err != nil {
			t.Fatal(err)
		}
		if len(snap.Periods) != len(periods) || len(periods) == 0 || snap.Periods[0].Id != periods[0].Id {
			t.Fatalf("snapshot of %d periods %+v, want %+v", r.Id, snap.Periods, periods)
		}
		expectKinds(t, r.Id, "deregistered", "expired")
	}
}
