package payment

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/payment/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/principal"
	"kami/internal/service"
)

// Topup is the top-up page's data: the channels enabled and configured, and the limits.
func (s *sPayment) Topup(ctx context.Context, _ *v1.TopupReq) (*v1.TopupRes, error) {
	res := &v1.TopupRes{Channels: []string{}, MinAmount: service.Settings().Int(settingMinAmount),
		MaxAmount: service.Settings().Int(settingMaxAmount)}
	for _, c := range []string{ChannelAlipay, ChannelWechat} {
		if _, err := s.provider(c); err == nil {
			res.Channels = append(res.Channels, c)
		}
	}
	return res, nil
}

// provider is the channel's provider when the channel is enabled: a test's, or the adapter the
// settings configure.
func (s *sPayment) provider(channel string) (Provider, error) {
	if !enabled(channel) {
		return nil, errs.PaymentChannel.New()
	}
	s.mu.RLock()
	p := s.installed[channel]
	s.mu.RUnlock()
	if p != nil {
		return p, nil
	}
	return s.configured(channel)
}

// Create opens a pending order for the caller and registers it with the provider. Only the
// holders of quota accounts (agent-admins, agents) top up.
func (s *sPayment) Create(ctx context.Context, req *v1.OrderCreateReq) (*v1.OrderCreateRes, error) {
	p := principal.From(ctx)
	if p.Role != consts.RoleAgentAdmin && p.Role != consts.RoleAgent {
		return nil, errs.Forbidden.New()
	}
	set := service.Settings()
	if req.Amount < set.Int(settingMinAmount) || req.Amount > set.Int(settingMaxAmount) {
		return nil, errs.PaymentAmount.New(set.Int(settingMinAmount), set.Int(settingMaxAmount))
	}
	fen, exact := s.fen(req.Amount)
	if !exact {
		return nil, errs.PaymentAmount.New(set.Int(settingMinAmount), set.Int(settingMaxAmount))
	}
	prov, err := s.provider(req.Channel)
	if err != nil {
		return nil, err
	}
	outTradeNo, err := newTradeNo(s)
	if err != nil {
		return nil, err
	}
	now := s.now()
	expires := now.Add(set.Duration(settingTimeout))
	id, err := dao.PaymentOrders.Ctx(ctx).Data(do.PaymentOrders{
		UserId: p.UserID, Channel: req.Channel, OutTradeNo: outTradeNo, Amount: req.Amount, Status: StatusPending,
		ExpiresAt: gtime.NewFromTime(expires), CreatedAt: gtime.NewFromTime(now), UpdatedAt: gtime.NewFromTime(now),
	}).InsertAndGetId()
	if err != nil {
		return nil, err
	}
	s.log(ctx, id, outTradeNo, "create", resultOK, fmt.Sprintf("%s %d units by user %d", req.Channel, req.Amount, p.UserID))
	url, err := prov.Create(ctx, Order{OutTradeNo: outTradeNo, Amount: fen, Subject: "Kami top-up",
		NotifyURL: notifyURL(req.Channel), ExpiresAt: expires})
	if err != nil {
		// The provider never took the order: it is closed, so nothing can pay it later.
		s.log(ctx, id, outTradeNo, "create", resultFailed, err.Error())
		_, _ = dao.PaymentOrders.Ctx(ctx).Data(do.PaymentOrders{Status: StatusClosed,
			ClosedAt: gtime.NewFromTime(now), UpdatedAt: gtime.NewFromTime(now)}).
			Where(dao.PaymentOrders.Columns().Id, id).Where(dao.PaymentOrders.Columns().Status, StatusPending).Update()
		return nil, errs.PaymentProvider.Wrap(err)
	}
	if _, err = dao.PaymentOrders.Ctx(ctx).Data(do.PaymentOrders{PayUrl: url}).Where(dao.PaymentOrders.Columns().Id, id).Update(); err != nil {
		return nil, err
	}
	item, err := s.item(ctx, id)
	if err != nil {
		return nil, err
	}
	return &v1.OrderCreateRes{OrderItem: *item}, nil
}

// newTradeNo is a unique, unguessable out_trade_no: the time (readable in the providers'
// consoles) and 64 random bits; at most 32 characters, as WeChat Pay allows.
func newTradeNo(s *sPayment) (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return "K" + s.now().Format("20060102150405") + hex.EncodeToString(b[:]), nil
}

// notifyURL is where the channel's provider sends its notifications.
func notifyURL(channel string) string {
	base := strings.TrimRight(service.Settings().String(settingNotifyBase), "/")
	return base + "/api/payment/notify/" + channel
}
