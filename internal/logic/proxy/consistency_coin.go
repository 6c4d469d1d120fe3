package proxy

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// kindCoinDrift: the upstream balance moved by other than the cost of Kami's orders (report).
const kindCoinDrift = "coin_drift"

// coinCounts carry the balance from one run to the next (the sync log is the memory).
type coinCounts struct {
	Coin       *int64 `json:"coin,omitempty"`   // upstream coin in fen at this run
	CoinAt     int64  `json:"coinAt,omitempty"` // unix seconds of this run
	CoinSpent  *int64 `json:"coinSpent,omitempty"`
	CostAmount *int64 `json:"costAmount,omitempty"`
	CoinDrift  *int64 `json:"coinDrift,omitempty"`
}

// checkCoin reports coin drift: what the upstream balance dropped since the previous run
// against the cost of the orders placed in between (success at cost, partial pro rata, still
// processing at cost, failed nothing). A top-up or a charge outside Kami shows as drift; it is
// reported, never repaired.
func (s *sProxy) checkCoin(ctx context.Context, up upstream, runAt time.Time, c *consistencyCounts) error {
	info, err := up.Info(ctx)
	if err != nil {
		return upstreamErr(err)
	}
	coin, err := ipipv.YuanToFen(info.Coin)
	if err != nil {
		return err
	}
	c.Coin, c.CoinAt = &coin, runAt.Unix()
	if low := service.Settings().Int(keyAlertLowCoin); low > 0 && coin < low {
		s.alert(ctx, "proxy.low_coin", fmt.Sprintf("%d fen < %d", coin, low))
	}
	prev, err := previousCoin(ctx)
	if err != nil || prev.Coin == nil || prev.CoinAt >= runAt.Unix() {
		return err
	}
	cols := dao.ProxyOrder.Columns()
	var rows []entity.ProxyOrder
	if err := dao.ProxyOrder.Ctx(ctx).Fields(cols.Status, cols.CostAmount, cols.SuccessCount, cols.Quantity, cols.Kind).
		WhereGTE(cols.CreatedAt, gtime.New(time.Unix(prev.CoinAt, 0).UTC())).WhereLT(cols.CreatedAt, gtime.New(runAt)).
		WhereIn(cols.Status, []string{stProcessing, stSuccess, stPartial}).Scan(&rows); err != nil {
		return err
	}
	var cost int64
	for _, o := range rows {
		switch {
		case o.Status == stPartial && o.Kind != "dynamic":
			cost += o.CostAmount * int64(o.SuccessCount) / int64(max(o.Quantity, 1))
		default:
			cost += o.CostAmount
		}
	}
	spent := *prev.Coin - coin
	drift := spent - cost
	c.CoinSpent, c.CostAmount, c.CoinDrift = &spent, &cost, &drift
	if drift == 0 {
		return nil
	}
	s.alert(ctx, "proxy.coin_drift", fmt.Sprintf("%d fen", drift))
	return s.finding(ctx, kindCoinDrift, fmt.Sprintf("coin@%d", runAt.Unix()), discReport, map[string]any{
		"coin": coin, "previousCoin": *prev.Coin, "spent": spent, "cost": cost, "drift": drift}, c)
}

// previousCoin is the balance the last successful run recorded.
func previousCoin(ctx context.Context) (coinCounts, error) {
	cols := dao.ProxySyncLog.Columns()
	var rows []entity.ProxySyncLog
	if err := dao.ProxySyncLog.Ctx(ctx).Where(cols.Job, JobConsistency).Where(cols.Status, "ok").
		OrderDesc(cols.Id).Limit(5).Scan(&rows); err != nil {
		return coinCounts{}, err
	}
	for _, r := range rows {
		var cc coinCounts
		if json.Unmarshal([]byte(r.Counts), &cc) == nil && cc.Coin != nil {
			return cc, nil
		}
	}
	return coinCounts{}, nil
}
