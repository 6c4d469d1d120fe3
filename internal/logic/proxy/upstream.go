package proxy

import (
	"context"
	"encoding/json"
	"strings"

	v1 "kami/api/proxy/v1"
	"kami/internal/adapter/ipipv"
	"kami/internal/errs"
)

// upstream is what the proxy logic needs of IPIPV; *ipipv.Client implements it and tests run
// it against ipipv.Fake on 127.0.0.1.
type upstream interface {
	Info(ctx context.Context) (ipipv.Info, error)
	Products(ctx context.Context, productNo string) ([]ipipv.Product, error)
	Areas(ctx context.Context, productNo string, proxyType int) ([]ipipv.Area, error)
	// SendOrder sends an order write's stored bytes under its stored reqId (every re-send too).
	SendOrder(ctx context.Context, path, reqID, appOrderNo string, plain []byte) (ipipv.OrderAck, error)
	QueryOrder(ctx context.Context, appOrderNo string) (ipipv.Order, error)
	EnsureMainAccount(ctx context.Context, appUsername string) (ipipv.Account, error)
	SaveProxyUser(ctx context.Context, u ipipv.ProxyUser) (ipipv.Account, error)
	SetFlowLimit(ctx context.Context, productNo, appUsername string, limit int64) error
	Draw(ctx context.Context, path string, r ipipv.DrawRequest) ([]ipipv.Drawn, error)
	Whitelist(ctx context.Context, path, appUsername string, proxyType int, productNo, ip string) ([]string, error)
	AssignIPInfo(ctx context.Context, productNo, ip string) (ipipv.AssignInfo, error)
	Regions(ctx context.Context) ([]ipipv.Region, error)
	InstanceList(ctx context.Context, page, pageSize int) (ipipv.InstancePage, error)
	Instances(ctx context.Context, nos []string) ([]ipipv.Instance, error)
	OrderList(ctx context.Context, start, end int64, page, pageSize int) (ipipv.OrderPage, error)
	Pools(ctx context.Context, appUsername string, proxyType int, productNo string) ([]ipipv.Pool, error)
	FlowLogs(ctx context.Context, appUsername, productNo string, start, end int64, page, pageSize int) (ipipv.FlowLogPage, error)
	UserInfo(ctx context.Context, productNo, appUsername string) (ipipv.UserFlow, error)
	ReturnFlow(ctx context.Context, appUsername string, proxyType int, productNo string, flowMB int64, remark string) (json.Number, error)
}

// breakerOpen lets an order fail fast (503, no reserve) while the upstream is known down.
func (s *sProxy) breakerOpen() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.breaker.Open()
}

var _ upstream = (*ipipv.Client)(nil)

// upstream returns the client for the settings as they are now, rebuilt when they changed
// (so a new baseUrl applies without a restart); 503 until the three mandatory ones are set.
func (s *sProxy) upstream() (upstream, error) {
	cfg := upstreamConfig()
	if !cfg.Configured() {
		return nil, errs.UpstreamNotConfigured.New()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.client == nil || s.cfg != cfg {
		s.cfg, s.client = cfg, s.newUpstream(cfg, s.breaker)
		s.client.OnCall = s.logCall
		c := s.client // waits like the client's own backoff (tests may replace its Sleep)
		s.client.Pace = func(ctx context.Context) error { return pace(ctx, allowUpstreamCall, c.Sleep) }
	}
	return s.client, nil
}

// upstreamErr maps an adapter error to the contract's codes (§1 "Mapping").
func upstreamErr(err error) error {
	var e *ipipv.Error
	switch ipipv.KindOf(err) {
	case ipipv.Rejected:
		e, _ = err.(*ipipv.Error)
		return errs.UpstreamRejected.Wrap(err, e.Msg)
	case ipipv.NotSent, ipipv.BreakerOpen, ipipv.NoAnswer:
		return errs.UpstreamUnavailable.Wrap(err)
	}
	return err
}

// ProbeSettings is POST /api/proxy/settings/test: info/v2 with the current settings.
func (s *sProxy) ProbeSettings(ctx context.Context, _ *v1.SettingsProbeReq) (*v1.SettingsProbeRes, error) {
	up, err := s.upstream()
	if err != nil {
		return nil, err
	}
	info, err := up.Info(ctx)
	if err != nil {
		return nil, upstreamErr(err)
	}
	coin, err := ipipv.YuanToFen(info.Coin)
	if err != nil {
		return nil, errs.UpstreamUnavailable.Wrap(err)
	}
	credit, _ := ipipv.YuanToFen(info.Credit)
	view, err := s.settingsView(ctx)
	if err != nil {
		return nil, err
	}
	return &v1.SettingsProbeRes{AppName: info.AppName, Coin: coin, Credit: credit, Status: info.Status,
		CallbackUrl:        info.CallbackURL,
		CallbackUrlMatches: info.CallbackURL != "" && strings.HasSuffix(strings.SplitN(info.CallbackURL, "?", 2)[0], view.CallbackPath)}, nil
}
