// Package principal carries the authenticated caller through the request context.
package principal

import "context"

// Principal is who is calling, as checked against the database on this request.
type Principal struct {
	UserID             int64
	Username           string
	Role               string
	Path               string // materialized path of the user, e.g. "/1/5/"
	SessionID          string
	MustChangePassword bool
}

type ctxKey struct{}

func With(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, ctxKey{}, p)
}

// From returns the caller, or nil on a public route.
func From(ctx context.Context) *Principal {
	p, _ := ctx.Value(ctxKey{}).(*Principal)
	return p
}
