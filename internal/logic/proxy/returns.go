package proxy

import (
	"context"
	"fmt"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/internal/timefmt"
)

// QuotaTypeReturn is the ledger movement type of a flow return's credit.
const QuotaTypeReturn = "proxy_return"

// returnWindow is how far back what the agent paid for a product caps a return's credit.
const returnWindow = 90 * 24 * time.Hour

func returnRef(id int64) string { return fmt.Sprintf("proxy_return:%d", id) }

// CreateReturn is POST /api/proxy/returns (super-admin): the upstream takes the flow back first
// (proxy/return/v2, never retried); only once it answered is the agent credited, so an upstream
// failure credits nothing. The credit is the given amount or returnAmount × salePrice / costPrice
// (floor), capped by what the agent paid for the product in 90 days less what returns already
// credited in that window.
func (s *sProxy) CreateReturn(ctx context.Context, req *v1.ReturnCreateReq) (*v1.ReturnCreateRes, error) {
	n, err := dao.Users.Ctx(ctx).Where(dao.Users.Columns().Id, req.AgentId).Count()
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, errs.NotFound.New()
	}
	p, err := productByNo(ctx, req.ProductNo)
	if err != nil {
		return nil, err
	}
	up, err := s.ready()
	if err != nil {
		return nil, err
	}
	main, err := s.mainAccount(ctx, up, req.AgentId)
	if err != nil {
		return nil, err
	}
	raw, err := up.ReturnFlow(ctx, main, p.ProxyType, p.ProductNo, req.FlowMb, req.Remark)
	if err != nil {
		return nil, upstreamErr(err)
	}
	f, err := raw.Float64()
	if err != nil {
		return nil, errs.UpstreamUnavailable.Wrap(err)
	}
	returned, err := ipipv.FloatYuanToFen(f)
	if err != nil {
		return nil, errs.UpstreamUnavailable.Wrap(err)
	}
	credit := int64(0)
	if req.CreditAmount != nil {
		credit = *req.CreditAmount
	} else if p.CostPrice > 0 {
		over, err := effectivePrices(ctx, req.AgentId)
		if err != nil {
			return nil, err
		}
		price := p.SalePrice
		if o, ok := over[p.ProductNo]; ok {
			price = o
		}
		credit = returned * price / p.CostPrice
	}
	now := gtime.New(s.now())
	row := do.ProxyReturn{AgentId: req.AgentId, ProductNo: p.ProductNo, FlowMb: req.FlowMb, ReturnAmount: returned,
		ReturnAmountRaw: raw.String(), Remark: req.Remark, OperatorId: principal.From(ctx).UserID, CreatedAt: now}
	var id int64
	err = dao.ProxyReturn.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		room, err := s.returnRoom(ctx, req.AgentId, p.ProductNo)
		if err != nil {
			return err
		}
		credit = max(min(credit, room), 0)
		row.CreditAmount = credit
		if id, err = dao.ProxyReturn.Ctx(ctx).Data(row).InsertAndGetId(); err != nil {
			return err
		}
		if credit == 0 {
			return nil
		}
		_, err = service.Quota().Credit(ctx, tx, model.QuotaMove{UserID: req.AgentId, Amount: credit, Type: QuotaTypeReturn,
			Ref: returnRef(id), IdemKey: returnRef(id), Remark: "flow return " + p.ProductNo})
		return err
	})
	if err != nil {
		return nil, err
	}
	return &v1.ReturnCreateRes{Id: id, AgentId: req.AgentId, ProductNo: p.ProductNo, FlowMb: req.FlowMb,
		ReturnAmount: returned, CreditAmount: credit, CreatedAt: timefmt.Format(now)}, nil
}

// returnRoom is what a return may still credit: the agent's charges for the product in the
// window less the credits of its earlier returns in the same window.
func (s *sProxy) returnRoom(ctx context.Context, agentID int64, productNo string) (int64, error) {
	since := gtime.New(s.now().Add(-returnWindow))
	oc := dao.ProxyOrder.Columns()
	paid, err := dao.ProxyOrder.Ctx(ctx).Where(oc.AgentId, agentID).Where(oc.ProductNo, productNo).
		WhereGTE(oc.CreatedAt, since).Sum(oc.ChargedAmount)
	if err != nil {
		return 0, err
	}
	rc := dao.ProxyReturn.Columns()
	back, err := dao.ProxyReturn.Ctx(ctx).Where(rc.AgentId, agentID).Where(rc.ProductNo, productNo).
		WhereGTE(rc.CreatedAt, since).Sum(rc.CreditAmount)
	if err != nil {
		return 0, err
	}
	return int64(paid) - int64(back), nil
}
