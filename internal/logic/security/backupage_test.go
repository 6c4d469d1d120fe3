package security_test

import (
	"context"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// The monitor alerts while the newest verified backup is older than security.monitorBackupAge
// (counted from the first boot while there is none) and resolves once a fresh one exists.
func TestMonitorBackupAge(t *testing.T) {
	ctx := context.Background()
	// Set before the clock moves: its cleanup then runs after Release, with a session still valid.
	testkit.SetSettings(t, map[string]any{"security.monitorBackupAge": "26h"})
	clk := testkit.SharedClock{}
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })
	run := func() {
		t.Helper()
		if _, err := service.Security().Monitor(ctx); err != nil {
			t.Fatal(err)
		}
	}
	alerts := func() []entity.SecurityAlerts {
		var rows []entity.SecurityAlerts
		if err := dao.SecurityAlerts.Ctx(ctx).Where("check_name", "backup").OrderAsc("id").Scan(&rows); err != nil {
			t.Fatal(err)
		}
		return rows
	}
	if _, err := dao.Backups.Ctx(ctx).Where("1=1").Delete(); err != nil {
		t.Fatal(err)
	}
	run()
	if rows := alerts(); len(rows) != 0 {
		t.Fatalf("just booted, no backup yet: %+v", rows)
	}
	clk.Advance(t, 27*time.Hour)
	run()
	if rows := alerts(); len(rows) != 1 || rows[0].Status != "firing" {
		t.Fatalf("27 h after the first boot without a backup: %+v", rows)
	}
	// A failed backup does not count; a verified one 1 h old does.
	now := clk.Now()
	for _, b := range []do.Backups{
		{File: "failed.kbk", Status: "failed", CreatedAt: gtime.New(now.Add(-time.Minute))},
		{File: "old.kbk", Status: "verified", CreatedAt: gtime.New(now.Add(-30 * time.Hour))},
	} {
		if _, err := dao.Backups.Ctx(ctx).Data(b).Insert(); err != nil {
			t.Fatal(err)
		}
	}
	run()
	if rows := alerts(); len(rows) != 1 || rows[0].Status != "firing" {
		t.Fatalf("newest verified backup 30 h old: %+v", rows)
	}
	if _, err := dao.Backups.Ctx(ctx).Data(do.Backups{File: "fresh.kbk", Status: "verified",
		CreatedAt: gtime.New(now.Add(-time.Hour))}).Insert(); err != nil {
		t.Fatal(err)
	}
	run()
	if rows := alerts(); len(rows) != 1 || rows[0].Status != "resolved" {
		t.Fatalf("a verified backup 1 h old: %+v", rows)
	}
}
