package proxy

import (
	"context"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/model/do"
)

// logCall writes one upstream attempt to proxy_call_log (path, reqId, appOrderNo, ms, HTTP
// status, code, msg). The adapter hands over no params at all, so no password can reach it.
// A failed write never fails the call it describes.
func (s *sProxy) logCall(rec ipipv.CallRecord) {
	ctx := context.Background()
	if _, err := dao.ProxyCallLog.Ctx(ctx).Data(do.ProxyCallLog{Path: rec.Path, ReqId: rec.ReqID,
		AppOrderNo: rec.AppOrderNo, Ms: int(rec.Took.Milliseconds()), HttpStatus: rec.HTTPStatus, Code: rec.Code,
		Msg: trim(rec.Msg), CreatedAt: gtime.New(s.now())}).Insert(); err != nil {
		g.Log().Warningf(ctx, "proxy call log: %v", err)
	}
}
