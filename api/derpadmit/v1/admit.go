package v1

import (
	"github.com/gogf/gf/v2/frame/g"
)

// The admission hook is derper's surface, not the panel's: its own api domain, so the server
// binds it in a group of its own under /api with none of the admin API's middleware (derp.md
// §7: public, raw, no envelope, op log or strict-field rule; §15 B1: ≥ 60 % of the bare
// handler's throughput).

// AdmitReq is derper's -verify-client-url call (derp.md §7). The body (DERPAdmitClientRequest)
// is read raw by the handler: derper sets no Content-Type and future fields must not break it.
type AdmitReq struct {
	g.Meta `path:"/derp/admit/{token}" method:"post" auth:"public" raw:"true" strict:"off" maintenance:"exempt" oplog:"off" tags:"DERP" summary:"derper admission hook: {\"Allow\":true|false}; 400 malformed, 429 over 50 rps per token, 503 when the database is needed and down"`
	Token  string `json:"token" in:"path"`
}

// AdmitRes is DERPAdmitClientResponse.
type AdmitRes struct {
	Allow bool `json:"Allow"`
}
