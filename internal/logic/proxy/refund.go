package proxy

import (
	"context"
	"strings"
	"time"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// QuotaTypeRefund is the ledger movement type of a release refund.
const QuotaTypeRefund = "proxy_refund"

func refundRef(appOrderNo string) string { return "proxy_refund:" + appOrderNo }

// refundFor is what a release the upstream refunded (refund=1) gives back: for each of the
// order's instances released within its product's refundDuration (hours after delivery), what
// the agent paid for it when it was opened (the opening order's charge per delivered instance).
// Instances outside the window, or opened free (by the super-admin), give nothing.
func (s *sProxy) refundFor(ctx context.Context, o entity.ProxyOrder, list []ipipv.Instance) (int64, error) {
	mine := map[string]bool{}
	for _, no := range strings.Split(o.InstanceNos, ",") {
		mine[no] = true
	}
	var total int64
	for _, in := range list {
		if !mine[in.InstanceNo] || in.Status != instReleased {
			continue
		}
		var local *entity.ProxyInstance
		if err := dao.ProxyInstance.Ctx(ctx).Where(dao.ProxyInstance.Columns().InstanceNo, in.InstanceNo).Scan(&local); err != nil || local == nil {
			continue
		}
		p, err := productByNo(ctx, local.ProductNo)
		if err != nil || p.RefundDuration <= 0 || local.CreatedAt == nil {
			continue
		}
		if s.now().Sub(local.CreatedAt.Time) > time.Duration(p.RefundDuration)*time.Hour {
			continue
		}
		var opened *entity.ProxyOrder
		if err := dao.ProxyOrder.Ctx(ctx).WherePri(local.OrderId).Scan(&opened); err != nil || opened == nil {
			continue
		}
		total += opened.ChargedAmount / int64(max(opened.SuccessCount, 1))
	}
	return total, nil
}

// creditRefund credits a release's refund in the release's transition transaction, under the
// unique ref proxy_refund:{appOrderNo} as its idempotency key: the transition runs once, and a
// repeat of the credit itself changes nothing.
func (s *sProxy) creditRefund(ctx context.Context, tx gdb.TX, o entity.ProxyOrder, amount int64) error {
	_, err := service.Quota().Credit(ctx, tx, model.QuotaMove{UserID: o.AgentId, Amount: amount, Type: QuotaTypeRefund,
		Ref: refundRef(o.AppOrderNo), IdemKey: refundRef(o.AppOrderNo), Remark: "release refund"})
	return err
}
