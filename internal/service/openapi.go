// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/openapi/v1"
	"kami/internal/clock"

	"github.com/gogf/gf/v2/net/ghttp"
)

type (
	IOpenapi interface {
		// Middleware runs every OpenAPI route: the signed-request check (skipped by auth:"public"
		// routes: the public keys), the handler, then the signed answer. It replaces the admin API's
		// envelope, session auth and operation log, none of which run under /openapi/v1.
		Middleware(r *ghttp.Request)
		// Keys publishes the project's response-signing public keys: the active one and those still
		// retiring after a rotation.
		Keys(ctx context.Context, req *v1.KeysReq) (*v1.KeysRes, error)
		// SetClock hands the service its clock: request timestamps, activation and expiry, bans.
		SetClock(c clock.Clock)
		// Start runs the once-a-second work of this node: writing the batched verification traces
		// and refreshing the list of banned IPs every node refuses.
		Start(ctx context.Context) error
		// Stop ends the loop and writes what is still buffered, so a graceful restart loses nothing.
		Stop()
		// Flush writes the buffered verification traces now (tests, and the bench's phases).
		Flush(ctx context.Context)
		// Query answers what a card of the calling project is, changing nothing; another project's
		// card is not found.
		Query(ctx context.Context, req *v1.QueryReq) (*v1.QueryRes, error)
		// Unbind releases one bound device of a card, or all of them: the card keeps its validity and
		// binds the next device that verifies. Each unbind that releases something counts against the
		// project's limit over the card's life (max_unbinds) and waits out its cooldown; during the
		// cooldown the answer is UNBIND_LIMIT_REACHED with retryAfter (a field added to the contract's
		// answer, so clients written for it keep working). The UPDATE is guarded on the version read:
		// two racing unbinds count once.
		Unbind(ctx context.Context, req *v1.UnbindReq) (*v1.UnbindRes, error)
		// Verify answers a card and device (openapi.md "POST /openapi/v1/cards/verify"). A bound
		// device of an active card is answered from the snapshots alone; activating an unused card
		// and binding a new device are guarded UPDATEs, so however many verifications race — on any
		// number of nodes — one activation happens and no card binds more than maxDevices.
		Verify(ctx context.Context, req *v1.VerifyReq) (*v1.VerifyRes, error)
	}
)

var (
	localOpenapi IOpenapi
)

func Openapi() IOpenapi {
	if localOpenapi == nil {
		panic("implement not found for interface IOpenapi, forgot register?")
	}
	return localOpenapi
}

func RegisterOpenapi(i IOpenapi) {
	localOpenapi = i
}
