package auth

import (
	"context"
	"errors"

	"kami/internal/service"
)

// OccupyBcrypt is for tests: it takes n hashing slots until release is called, so a test can
// fill the gate and see the refusal without depending on how fast the machine hashes.
func OccupyBcrypt(ctx context.Context, n int) (release func(), err error) {
	gt := bcryptGate(service.Auth().(*sAuth).cfg().Auth)
	if int64(n) > gt.size {
		return nil, errors.New("auth: cannot occupy more slots than the gate has")
	}
	if err = gt.sem.Acquire(ctx, int64(n)); err != nil {
		return nil, err
	}
	return func() { gt.sem.Release(int64(n)) }, nil
}
