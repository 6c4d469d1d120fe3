// Package idemkey carries a request's Idempotency-Key, already scoped to (caller, route), from
// the HTTP middleware to the logic, which stores it with what the request changed: the Redis
// record replays the answer for a day, and the key kept in the database (the quota ledger's
// movements) refuses to apply one request twice even after that record is gone.
package idemkey

import "context"

type ctxKey struct{}

// With returns ctx carrying key.
func With(ctx context.Context, key string) context.Context {
	return context.WithValue(ctx, ctxKey{}, key)
}

// From is the scoped key of the request, or "" when it sent none.
func From(ctx context.Context) string {
	k, _ := ctx.Value(ctxKey{}).(string)
	return k
}

// Derive names a second step of the same request ("debit", "credit"), so one request that
// makes several movements keeps one key per movement; "" stays "".
func Derive(ctx context.Context, step string) string {
	if k := From(ctx); k != "" {
		return k + ":" + step
	}
	return ""
}
