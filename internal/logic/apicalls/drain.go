package apicalls

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/utility/dbx"
	"kami/utility/redisscript"
)

// CallsJob moves the counts Redis holds into openapi_calls.
const CallsJob = "openapi.calls"

func init() {
	job.Register(job.Def{
		Name:            CallsJob,
		Description:     "Add the OpenAPI call counts the nodes flushed to Redis into openapi_calls (per project, day, endpoint and result), exactly once",
		DefaultSchedule: "@every 1m",
		Run:             func(ctx context.Context) (int, error) { return service.ApiCalls().Drain(ctx) },
	})
}

// markerEndpoint names the one bookkeeping row openapi_calls holds per project and day beside
// its counts: its result is the batch id of the last hash added for that day. The id is written
// in the transaction that adds the hash's counts, so the table itself says whether a hash was
// added — the Redis side cannot, as nothing commits in both at once. Real endpoints never start
// with "_"; the lists leave the row out.
const markerEndpoint = "_drain"

// takeScript hands the drain a member's hash to add: the draining hash a failed run left, as
// it is (same batch id, same counts), or else the live hash, renamed to draining in the same
// step so no flush adds to it any more. A member with neither is forgotten. KEYS: the member
// set, its live hash, its draining hash; ARGV: the member, a batch id for a hash without one.
var takeScript = redisscript.New(`if redis.call('EXISTS', KEYS[3]) == 0 then
  if redis.call('EXISTS', KEYS[2]) == 0 then
    redis.call('SREM', KEYS[1], ARGV[1])
    return {}
  end
  redis.call('RENAME', KEYS[2], KEYS[3])
  redis.call('HSETNX', KEYS[3], '` + batchField + `', ARGV[2])
end
return redis.call('HGETALL', KEYS[3])`)

// doneScript drops a draining hash once its batch is in the table, and forgets the member when
// no live hash has come since. KEYS as takeScript's; ARGV: the member, the batch id added.
var doneScript = redisscript.New(`if redis.call('HGET', KEYS[3], '` + batchField + `') == ARGV[2] then
  redis.call('DEL', KEYS[3])
end
if redis.call('EXISTS', KEYS[2]) == 0 and redis.call('EXISTS', KEYS[3]) == 0 then
  redis.call('SREM', KEYS[1], ARGV[1])
end
return 1`)

// errAdded ends the transaction of a batch the table already holds.
var errAdded = errors.New("batch already added")

// hook, when set by a test, is called at "apply" (inside the transaction, after the counts: an
// error rolls it back) and at "applied" (after the commit, before the draining hash is
// dropped), to break a run between its steps.
var hook atomic.Pointer[func(stage string) error]

func runHook(stage string) error {
	if h := hook.Load(); h != nil {
		return (*h)(stage)
	}
	return nil
}

// Drain is one run of the openapi.calls job: each member's hash is taken (takeScript), its
// counts added to openapi_calls in one transaction with the batch id, then dropped from Redis.
// A run that fails at any step leaves the draining hash; the next run adds it only if the
// table does not hold its batch id yet, so a count is never lost nor added twice. It answers
// how many (endpoint, result) counts it added.
func (s *sApiCalls) Drain(ctx context.Context) (int, error) {
	v, err := g.Redis().Do(ctx, "SMEMBERS", setKey())
	if err != nil {
		return 0, err
	}
	members := v.Strings()
	sort.Strings(members)
	added := 0
	var errs []error
	for _, m := range members {
		if ctx.Err() != nil {
			return added, ctx.Err()
		}
		// A draining hash a failed run left, then the live one: at most those two, and a third
		// in case a flush recreated the live hash meanwhile; the rest waits for the next run.
		for range 3 {
			n, more, err := s.drainMember(ctx, m)
			added += n
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", m, err))
			}
			if err != nil || !more {
				break
			}
		}
	}
	return added, errors.Join(errs...)
}

// drainMember moves one hash of a member into the table; more tells there may be another.
func (s *sApiCalls) drainMember(ctx context.Context, member string) (added int, more bool, err error) {
	project, day, ok := parseMember(member)
	if !ok {
		g.Log().Warningf(ctx, "apicalls: skipping malformed member %q", member)
		return 0, false, nil
	}
	keys := []string{setKey(), liveKey(member), drainKey(member)}
	v, err := takeScript.Run(ctx, g.Redis(), keys, member, newBatchID())
	if err != nil {
		return 0, false, err
	}
	batch, counts, err := parseHash(v.Strings())
	if err != nil || batch == "" {
		return 0, false, err
	}
	if err = s.apply(ctx, project, day, batch, counts); err != nil {
		return 0, false, err
	}
	if err = runHook("applied"); err != nil {
		return 0, false, err
	}
	if _, err = doneScript.Run(ctx, g.Redis(), keys, member, batch); err != nil {
		return 0, false, err
	}
	return len(counts), true, nil
}

// callCount is one (endpoint, result) count of a hash.
type callCount struct {
	endpoint, result string
	calls            int64
}

// parseHash reads HGETALL's field/value pairs: the batch id and the counts, in field order.
func parseHash(kv []string) (batch string, counts []callCount, err error) {
	for i := 0; i+1 < len(kv); i += 2 {
		f, val := kv[i], kv[i+1]
		if f == batchField {
			batch = val
			continue
		}
		ep, res, ok := strings.Cut(f, "|")
		n, perr := strconv.ParseInt(val, 10, 64)
		if !ok || perr != nil {
			return "", nil, fmt.Errorf("malformed count %q=%q", f, val)
		}
		if n != 0 {
			counts = append(counts, callCount{endpoint: ep, result: res, calls: n})
		}
	}
	sort.Slice(counts, func(i, j int) bool {
		if counts[i].endpoint != counts[j].endpoint {
			return counts[i].endpoint < counts[j].endpoint
		}
		return counts[i].result < counts[j].result
	})
	return batch, counts, nil
}

// apply adds one batch's counts to a project's day in one transaction, unless the day's marker
// row already names the batch. Claiming the marker comes first and is a guarded write (UPDATE
// where it names another batch, or INSERT under the unique key), so two runs that somehow
// overlapped could not both add one batch.
func (s *sApiCalls) apply(ctx context.Context, project int64, day, batch string, counts []callCount) error {
	err := dao.OpenapiCalls.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		claimed, err := s.claim(ctx, project, day, batch)
		if err != nil {
			return err
		}
		if !claimed {
			return errAdded
		}
		for _, c := range counts {
			if err = s.add(ctx, project, day, c); err != nil {
				return err
			}
		}
		return runHook("apply")
	})
	if errors.Is(err, errAdded) {
		return nil
	}
	return err
}

func (s *sApiCalls) claim(ctx context.Context, project int64, day, batch string) (bool, error) {
	cols := dao.OpenapiCalls.Columns()
	marker := func() *gdb.Model {
		return dao.OpenapiCalls.Ctx(ctx).Where(cols.ProjectId, project).Where(cols.Day, day).
			Where(cols.Endpoint, markerEndpoint)
	}
	r, err := marker().WhereNot(cols.Result, batch).Data(g.Map{cols.Result: batch, cols.UpdatedAt: s.now()}).Update()
	if err != nil {
		return false, err
	}
	if n, _ := r.RowsAffected(); n == 1 {
		return true, nil
	}
	held, err := marker().Where(cols.Result, batch).Count()
	if err != nil && !dbx.IsNoRows(err) {
		return false, err
	}
	if held > 0 {
		return false, nil
	}
	_, err = dao.OpenapiCalls.Ctx(ctx).Data(do.OpenapiCalls{ProjectId: project, Day: day, Endpoint: markerEndpoint,
		Result: batch, Calls: 0, UpdatedAt: s.now()}).Insert()
	return err == nil, err
}

// add is calls = calls + n on the count's row, or the row when it is the day's first.
func (s *sApiCalls) add(ctx context.Context, project int64, day string, c callCount) error {
	cols := dao.OpenapiCalls.Columns()
	r, err := dao.OpenapiCalls.Ctx(ctx).Where(cols.ProjectId, project).Where(cols.Day, day).
		Where(cols.Endpoint, c.endpoint).Where(cols.Result, c.result).
		Data(g.Map{cols.Calls: gdb.Raw(cols.Calls + "+" + strconv.FormatInt(c.calls, 10)), cols.UpdatedAt: s.now()}).Update()
	if err != nil {
		return err
	}
	if n, _ := r.RowsAffected(); n == 1 {
		return nil
	}
	_, err = dao.OpenapiCalls.Ctx(ctx).Data(do.OpenapiCalls{ProjectId: project, Day: day, Endpoint: c.endpoint,
		Result: c.result, Calls: c.calls, UpdatedAt: s.now()}).Insert()
	return err
}
