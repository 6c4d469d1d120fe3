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
)

// Recharge adds quota to a user (seed 001 §4.1). The super-admin's recharge comes from the
// system account without limit (system_recharge); an agent-admin's comes out of its own
// available quota into one of its agents (two entries: it goes down, the agent up).
func (s *sQuota) Recharge(ctx context.Context, req *v1.RechargeReq) (*v1.RechargeRes, error) {
	p := principal.From(ctx)
	u, err := inScope(ctx, req.UserId)
	if err != nil {
		return nil, err
	}
	if u.Id == p.UserID || u.Status != consts.StatusEnabled {
		return nil, errs.QuotaRecipient.New()
	}
	from, typ := model.SystemAccount, model.QuotaTypeSystemRecharge
	switch {
	case p.Role == consts.RoleSuperAdmin && u.Role != consts.RoleSuperAdmin:
	case p.Role == consts.RoleAgentAdmin && u.Role == consts.RoleAgent:
		from, typ = p.UserID, model.QuotaTypeRecharge
	default:
		return nil, errs.Forbidden.New()
	}
	var movementID int64
	err = s.Lock(ctx, []int64{from, u.Id}, func(ctx context.Context) error {
		return dao.QuotaAccounts.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			move := model.QuotaTransfer{FromUserID: from, ToUserID: u.Id, Amount: req.Amount, Type: typ,
				Ref: "user:" + strconv.FormatInt(u.Id, 10), Remark: req.Remark, IdemKey: idemkey.From(ctx)}
			var err error
			if from == model.SystemAccount {
				movementID, err = s.Credit(ctx, tx, model.QuotaMove{UserID: u.Id, Amount: req.Amount, Type: typ,
					Ref: move.Ref, Remark: req.Remark, IdemKey: move.IdemKey})
			} else {
				movementID, err = s.Transfer(ctx, tx, move)
			}
			if err != nil {
				return err
			}
			return s.tell(ctx, u.Id, "quota.recharged", movementID, map[string]any{"amount": s.yuan(req.Amount)})
		})
	})
	if err != nil {
		return nil, err
	}
	b, err := s.balanceRes(ctx, u.Id)
	if err != nil {
		return nil, err
	}
	return &v1.RechargeRes{MovementId: movementID, BalanceRes: *b}, nil
}
