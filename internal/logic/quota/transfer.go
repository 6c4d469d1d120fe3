package quota

import (
	"context"
	"strconv"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/quota/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/idemkey"
	"kami/internal/model"
	"kami/internal/principal"
	"kami/internal/service"
)

// Transfer statuses answered to the client.
const (
	transferDone   = "done"
	transferReview = "review"
)

// TransferByName moves quota from the caller to another agent or agent-admin named by
// username (seed 001 §4.2): the recipient must exist and be enabled, the amount reach the
// minimum. All or nothing in one transaction; a transfer a risk rule flags is held for review
// instead, its amount frozen.
func (s *sQuota) TransferByName(ctx context.Context, req *v1.TransferReq) (*v1.TransferRes, error) {
	p := principal.From(ctx)
	// The super-admin's side is the system account: it recharges, it does not transfer.
	if p.Role != consts.RoleAgent && p.Role != consts.RoleAgentAdmin {
		return nil, errs.Forbidden.New()
	}
	if min := service.Settings().Int(settingMinTransfer); req.Amount < min {
		return nil, errs.QuotaBelowMinimum.New(s.yuan(min))
	}
	to, err := service.User().AccountByUsername(ctx, req.ToUsername)
	if errs.Is(err, errs.NotFound) {
		return nil, errs.QuotaRecipient.New()
	}
	if err != nil {
		return nil, err
	}
	if to.Id == p.UserID || to.Status != consts.StatusEnabled ||
		(to.Role != consts.RoleAgent && to.Role != consts.RoleAgentAdmin) {
		return nil, errs.QuotaRecipient.New()
	}
	res := &v1.TransferRes{Status: transferDone}
	err = s.Lock(ctx, []int64{p.UserID, to.Id}, func(ctx context.Context) error {
		rules, err := s.riskRules(ctx, model.QuotaTypeTransfer, p.UserID, req.Amount)
		if err != nil {
			return err
		}
		return dao.QuotaAccounts.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			if len(rules) > 0 {
				res.Status = transferReview
				res.ReviewId, err = s.hold(ctx, heldOp{kind: model.QuotaTypeTransfer, userID: p.UserID, toUserID: to.Id,
					amount: req.Amount, remark: req.Remark, rules: rules})
				return err
			}
			res.MovementId, err = s.Transfer(ctx, tx, model.QuotaTransfer{FromUserID: p.UserID, ToUserID: to.Id,
				Amount: req.Amount, Type: model.QuotaTypeTransfer, Ref: "user:" + strconv.FormatInt(to.Id, 10),
				Remark: req.Remark, IdemKey: idemkey.From(ctx)})
			if err != nil {
				return err
			}
			return s.tell(ctx, to.Id, "quota.transferIn", res.MovementId,
				map[string]any{"amount": s.yuan(req.Amount), "from": p.Username})
		})
	})
	if err != nil {
		return nil, err
	}
	b, err := s.balanceRes(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	res.BalanceRes = *b
	return res, nil
}
