package relay

import (
	"net/http"

	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/adapter/openaicompat"
	"kami/internal/config"
)

// bodyLimit is kami.relay.maxBodyBytes: a larger /v1 body is answered 413 request_too_large.
// Restart-only by contract (not a setting); read from the configuration boot handed over, so a
// test can lower it with testkit.SetConfig.
func (s *sRelay) bodyLimit() int64 {
	if f := s.cfg.Load(); f != nil {
		if n := (*f)().Relay.MaxBodyBytes; n > 0 {
			return n
		}
	}
	return config.DefaultRelayMaxBodyBytes
}

// sseLineLimit is kami.relay.maxSSELineBytes, the longest upstream SSE line a stream accepts.
func (s *sRelay) sseLineLimit() int {
	if f := s.cfg.Load(); f != nil {
		if n := (*f)().Relay.MaxSSELineBytes; n > 0 {
			return n
		}
	}
	return openaicompat.DefaultMaxLineBytes
}

// readBody reads a /v1 body within bodyLimit. A declared length above it is refused before a
// byte is read; a chunked body is measured once read (gf reads at most
// server.clientMaxBodySize).
func (s *sRelay) readBody(r *ghttp.Request) ([]byte, *apiError) {
	limit := s.bodyLimit()
	if r.ContentLength > limit {
		return nil, tooLarge()
	}
	body := r.GetBody()
	if int64(len(body)) > limit {
		return nil, tooLarge()
	}
	return body, nil
}

func tooLarge() *apiError {
	return newAPIError(http.StatusRequestEntityTooLarge, "request_too_large", "The request body is too large.")
}
