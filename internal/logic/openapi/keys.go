package openapi

import (
	"context"

	v1 "kami/api/openapi/v1"
	"kami/internal/errs"
	"kami/internal/infra/throttle"
	"kami/internal/service"
	"kami/utility/ratelimit"
)

// keysPerMinute bounds the unsigned keys endpoint per caller IP: a client fetches the keys
// once and again only on an unknown kid.
const keysPerMinute = 60

// Keys publishes the project's response-signing public keys: the active one and those still
// retiring after a rotation.
func (s *sOpenapi) Keys(ctx context.Context, req *v1.KeysReq) (*v1.KeysRes, error) {
	c := callFrom(ctx)
	if err := throttle.Allow(ctx, "oa-keys:"+c.ip, ratelimit.PerMinute(keysPerMinute)); err != nil {
		return nil, err
	}
	p, err := projectOf(ctx, req.AppKey)
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	if p == nil {
		return nil, errs.AppKeyInvalid.New()
	}
	c.project = p
	keys, err := service.Project().PublicKeys(ctx, req.AppKey)
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	out := &v1.KeysRes{Keys: make([]v1.PublicKey, 0, len(keys))}
	for _, k := range keys {
		out.Keys = append(out.Keys, v1.PublicKey{Kid: k.Kid, Alg: "Ed25519", PublicKey: k.PublicKey, Status: k.Status})
	}
	return out, nil
}
