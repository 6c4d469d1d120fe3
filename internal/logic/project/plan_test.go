package project_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
)

func TestPlans(t *testing.T) {
	s := newStaff(t)
	p := create(t, s.Admin, nil)
	base := path("/api/projects/%d/plans", p.ID)

	var added plan
	s.Admin.Post(t, base, map[string]any{"name": "week", "durationSeconds": 7 * 86400, "price": 150, "maxDevices": 2, "sort": 9}).
		Expect(t, http.StatusOK).Decode(t, &added)
	if added.ID == 0 || added.ProjectID != p.ID || added.Status != "active" || added.Price != 150 {
		t.Fatalf("added %+v", added)
	}
	expectError(t, s.Admin.Post(t, base, map[string]any{"name": "week", "maxDevices": 1}), 409, "DUPLICATE")
	expectError(t, s.Admin.Post(t, base, map[string]any{"name": "x", "maxDevices": 1001}), 400, "INVALID_INPUT")
	expectError(t, s.Admin.Post(t, "/api/projects/999999999/plans", map[string]any{"name": "x", "maxDevices": 1}), 404, "NOT_FOUND")

	var edited plan
	s.Admin.Put(t, base+path("/%d", added.ID), map[string]any{"price": 175}).Expect(t, 200).Decode(t, &edited)
	if edited.Price != 175 || edited.Name != "week" || edited.MaxDevices != 2 {
		t.Fatalf("edited %+v", edited)
	}
	// A plan is reached only through its own project.
	other := create(t, s.Admin, nil)
	expectError(t, s.Admin.Put(t, path("/api/projects/%d/plans/%d", other.ID, added.ID), map[string]any{"price": 1}), 404, "NOT_FOUND")

	var off plan
	s.Admin.Put(t, base+path("/%d/status", added.ID), map[string]any{"status": "disabled"}).Expect(t, 200).Decode(t, &off)
	if off.Status != "disabled" {
		t.Fatalf("status %+v", off)
	}
	var list struct {
		Items []plan `json:"items"`
		Total int    `json:"total"`
	}
	s.Admin.Get(t, base+"/list").Expect(t, 200).Decode(t, &list)
	if list.Total != 3 || list.Items[0].Name != "month" {
		t.Fatalf("the super-admin's list, in display order: %+v", list)
	}
	s.Agent.Get(t, base+"/list").Expect(t, 200).Decode(t, &list)
	if list.Total != 2 {
		t.Fatalf("an agent sees only active plans: %+v", list)
	}
	expectError(t, s.Admin.Get(t, base+"/list?sortBy=name"), 400, "SORT_FIELD_INVALID")

	// A plan a batch was generated from is kept; an unused one goes; the last one stays.
	now := gtime.Now()
	if _, err := dao.CardBatches.Ctx(context.Background()).Data(do.CardBatches{
		ProjectId: p.ID, PlanId: p.Plans[0].ID, OwnerId: s.AgentUser.ID, Count: 1, Status: "active", CreatedAt: now, UpdatedAt: now,
	}).Insert(); err != nil {
		t.Fatal(err)
	}
	expectError(t, s.Admin.Delete(t, base+path("/%d", p.Plans[0].ID)), 409, "PLAN_IN_USE")
	s.Admin.Delete(t, base+path("/%d", added.ID)).Expect(t, 200)
	s.Admin.Delete(t, base+path("/%d", p.Plans[1].ID)).Expect(t, 200)
	only := create(t, s.Admin, map[string]any{"plans": []map[string]any{{"name": "one", "maxDevices": 1}}})
	expectError(t, s.Admin.Delete(t, path("/api/projects/%d/plans/%d", only.ID, only.Plans[0].ID)), 409, "INVALID_STATE")
}
