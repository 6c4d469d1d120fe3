package derpadmit

import (
	"context"

	"github.com/gogf/gf/v2/frame/g"

	"kami/api/derpadmit/v1"
	"kami/internal/service"
)

// allowTrue and allowFalse are DERPAdmitClientResponse's two bodies, written as they are: the
// hook is raw (derper reads this JSON, never an envelope) and hot.
var (
	allowTrue  = []byte(`{"Allow":true}`)
	allowFalse = []byte(`{"Allow":false}`)
)

func (c *ControllerV1) Admit(ctx context.Context, req *v1.AdmitReq) (res *v1.AdmitRes, err error) {
	r := g.RequestFromCtx(ctx)
	status, allow := service.Derp().Admit(ctx, req.Token, r.GetBody())
	r.Response.Header().Set("Content-Type", "application/json")
	r.Response.WriteHeader(status)
	if allow {
		r.Response.Write(allowTrue)
	} else {
		r.Response.Write(allowFalse)
	}
	return nil, nil
}
