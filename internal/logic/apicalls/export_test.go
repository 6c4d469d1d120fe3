package apicalls

import (
	"context"
	"testing"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/service"
)

// Hooks for the tests of this package (package apicalls_test, which boots the real server).

// MarkerEndpoint is the endpoint of openapi_calls' bookkeeping rows.
const MarkerEndpoint = markerEndpoint

func instance() *sApiCalls { return service.ApiCalls().(*sApiCalls) }

// BreakDrain makes every drain call fn at its steps ("apply": inside the transaction, an error
// rolls it back; "applied": after the commit, before Redis drops the hash) until the test ends.
func BreakDrain(t testing.TB, fn func(stage string) error) {
	hook.Store(&fn)
	t.Cleanup(func() { hook.Store(nil) })
}

// SendTwice flushes n calls of one key as a node whose first attempt got no answer would: the
// same chunk, with the same sequence number, sent twice.
func SendTwice(ctx context.Context, project int64, day int32, endpoint, result string, n int64) error {
	s := instance()
	s.flushMu.Lock()
	defer s.flushMu.Unlock()
	chunks := s.build(map[counterKey]int64{{project: project, day: day, endpoint: endpoint, result: result}: n})
	for range 2 {
		for _, c := range chunks {
			if _, err := flushScript.Run(ctx, g.Redis(), c.keys, c.args...); err != nil {
				return err
			}
		}
	}
	return nil
}

// Members are the members Redis still holds to drain.
func Members(ctx context.Context) ([]string, error) {
	v, err := g.Redis().Do(ctx, "SMEMBERS", setKey())
	return v.Strings(), err
}
