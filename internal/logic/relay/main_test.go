package relay_test

import (
	"context"
	"fmt"
	"testing"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/testkit"
)

// After every test of the package (relay.md §8): the audit over all users, and no upstream
// dial left the loopback interface.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithAfter(packageAudit)) }

// packageAudit is the settlement invariant over the whole package's traffic: no relay row still
// pending, no relay reservation open, one reservation per request id, and the users' net
// ledger movement on relay references equals −Σ(quota − uncollected) of the rows.
func packageAudit() error {
	ctx := context.Background()
	if n := openaicompat.NonLoopbackDials(); n != 0 {
		return fmt.Errorf("relay audit: %d upstream dials to non-loopback addresses", n)
	}
	pending, err := dao.RelayLogs.Ctx(ctx).Where("settle_state", "pending").Count()
	if err != nil || pending != 0 {
		rows, _ := dao.RelayLogs.Ctx(ctx).Where("settle_state", "pending").Fields("request_id,user_id,model,status,final,is_stream,http_status,error_code,created_at").All()
		return fmt.Errorf("relay audit: %d rows still pending (%v): %v", pending, err, rows)
	}
	open, err := dao.QuotaReservations.Ctx(ctx).WhereLike("ref", "relay:%").Where("status", "open").Count()
	if err != nil || open != 0 {
		return fmt.Errorf("relay audit: %d relay reservations open (%v)", open, err)
	}
	twice, err := dao.QuotaReservations.Ctx(ctx).Fields("ref").WhereLike("ref", "relay:%").
		Group("ref").Having("COUNT(*) > 1").Array()
	if err != nil || len(twice) != 0 {
		return fmt.Errorf("relay audit: request ids reserved more than once: %v (%v)", twice, err)
	}
	charged, err := dao.RelayLogs.Ctx(ctx).Fields("COALESCE(SUM(quota - uncollected),0)").Value()
	if err != nil {
		return err
	}
	net, err := dao.QuotaEntries.Ctx(ctx).WhereLike("ref", "relay:%").WhereNot("user_id", model.SystemAccount).
		Fields("COALESCE(SUM(amount),0)").Value()
	if err != nil {
		return err
	}
	if net.Int64() != -charged.Int64() {
		return fmt.Errorf("relay audit: users' ledger net on relay refs = %d, committed quota = %d", net.Int64(), charged.Int64())
	}
	return nil
}
