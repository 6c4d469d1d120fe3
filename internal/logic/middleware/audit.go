package middleware

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/dao"
)

// reqState is what the /api pipeline learns about one request on the way in and needs again
// when it writes the operation log on the way out. OperationLog puts it in the context first;
// every field is touched only by the goroutine serving the request.
type reqState struct {
	start time.Time
	// body is the request body once Body read all of it; bodyRead stays false when the body was
	// not read (refused earlier) or could not be (truncated, too slow), and then nothing of it is
	// logged.
	body     []byte
	bodyRead bool
	// anonymous marks a request refused for want of authentication; throttled one refused
	// with 429 because its IP sent too many of those.
	anonymous bool
	throttled bool
	// auditID is the operation-log row AuditInTx wrote in the handler's transaction; the
	// middleware completes that row instead of writing a second one.
	auditID int64
}

type stateKey struct{}

func withState(ctx context.Context, st *reqState) context.Context {
	return context.WithValue(ctx, stateKey{}, st)
}

func stateFrom(ctx context.Context) *reqState {
	st, _ := ctx.Value(stateKey{}).(*reqState)
	return st
}

// AuditInTx writes the operation-log row of the current request inside tx, the transaction
// that makes the change, so the change cannot commit without its audit row even if the
// process dies right after. The row's status is 0 until the OperationLog middleware fills in
// the answer (status, code, latency) when the request ends. Mutations that must never go
// unaudited call it from their transaction; outside an HTTP request it does nothing, and a nil
// tx means the transaction carried by ctx.
func (s *sMiddleware) AuditInTx(ctx context.Context, tx gdb.TX) error {
	r := g.RequestFromCtx(ctx)
	if r == nil {
		return nil
	}
	st := stateFrom(ctx)
	entry := s.logEntry(ctx, r, st)
	m := dao.OperationLogs.Ctx(ctx)
	if tx != nil {
		m = m.TX(tx)
	}
	id, err := m.Data(entry).InsertAndGetId()
	if err != nil {
		return err
	}
	if st != nil {
		st.auditID = id
	}
	return nil
}
