package apicalls

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/infra/redisx"
	"kami/utility/redisscript"
)

// Redis holds the counts flushed and not yet drained into openapi_calls:
//
//	apicalls:{apicalls}:keys                 set of members "<projectId>:<YYYY-MM-DD>" to drain
//	apicalls:{apicalls}:live:<member>        hash "<endpoint>|<result>" -> calls, and _batch
//	apicalls:{apicalls}:draining:<member>    the live hash a drain took, until it is in the table
//	apicalls:{apicalls}:seq:<proc>           the last flush chunk of a process that Redis applied
//
// Every key carries the one hash tag {apicalls}: registering a member and adding to its hash,
// or taking a hash and forgetting its member, are then single scripts, atomic on Redis Cluster
// too. The slot's load is a script per node per second and one per member per drain.
const hashTag = "{apicalls}"

// batchField names, in a live hash, the id its contents will be added to the table under;
// it rides along when the drain renames the hash (drain.go). Counts' fields never start with _.
const batchField = "_batch"

// seqTTL keeps a process's last applied sequence number long after it last flushed, longer
// than any outage it could retry through.
const seqTTL = 7 * 24 * time.Hour

// chunkFields bounds the counts one flush script carries.
const chunkFields = 1000

func setKey() string               { return redisx.Key("apicalls", hashTag, "keys") }
func liveKey(member string) string { return redisx.Key("apicalls", hashTag, "live", member) }
func drainKey(member string) string {
	return redisx.Key("apicalls", hashTag, "draining", member)
}
func seqKey(proc string) string { return redisx.Key("apicalls", hashTag, "seq", proc) }

func memberOf(project int64, day string) string { return strconv.FormatInt(project, 10) + ":" + day }

// parseMember splits "<projectId>:<YYYY-MM-DD>".
func parseMember(m string) (int64, string, bool) {
	p, day, ok := strings.Cut(m, ":")
	id, err := strconv.ParseInt(p, 10, 64)
	return id, day, ok && err == nil && id > 0 && len(day) == len("2006-01-02")
}

func fieldOf(endpoint, result string) string { return endpoint + "|" + result }

func newBatchID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// flushScript adds one chunk of a process's counts, unless Redis applied that chunk already:
// a flush whose answer was lost is resent with the same sequence number and skipped here, so a
// count is added once whatever the network did. KEYS: the process's seq key, the member set,
// then the live hash of each member; ARGV: seq, seq TTL (s), then per member: the member, a
// batch id (kept only by a hash this creates), the number of fields, and the field/count pairs.
var flushScript = redisscript.New(`local last = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) <= last then return 0 end
local a = 3
for k = 3, #KEYS do
  redis.call('SADD', KEYS[2], ARGV[a])
  redis.call('HSETNX', KEYS[k], '` + batchField + `', ARGV[a + 1])
  local n = tonumber(ARGV[a + 2])
  a = a + 3
  for i = 1, n do
    redis.call('HINCRBY', KEYS[k], ARGV[a], ARGV[a + 1])
    a = a + 2
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1`)

// chunk is one flush script's worth of counts with its sequence number.
type chunk struct {
	seq  int64
	keys []string
	args []any
}

type memberCounts struct {
	member string
	fields map[string]int64
}

// build turns counts into chunks of at most chunkFields fields, numbered from s.seq on.
func (s *sApiCalls) build(counts map[counterKey]int64) []chunk {
	byMember := map[string]*memberCounts{}
	for k, n := range counts {
		if !validName(k.endpoint, 16) || !validName(k.result, 32) {
			continue // a caller's mistake; the table could not hold it
		}
		m := memberOf(k.project, dayString(k.day))
		mc := byMember[m]
		if mc == nil {
			mc = &memberCounts{member: m, fields: map[string]int64{}}
			byMember[m] = mc
		}
		mc.fields[fieldOf(k.endpoint, k.result)] += n
	}
	members := make([]string, 0, len(byMember))
	for m := range byMember {
		members = append(members, m)
	}
	sort.Strings(members)
	var out []chunk
	var cur *chunk
	fields := 0
	for _, m := range members {
		mc := byMember[m]
		if cur == nil || fields+len(mc.fields) > chunkFields {
			s.seq++
			out = append(out, chunk{seq: s.seq, keys: []string{seqKey(s.proc), setKey()},
				args: []any{s.seq, int64(seqTTL / time.Second)}})
			cur, fields = &out[len(out)-1], 0
		}
		cur.keys = append(cur.keys, liveKey(m))
		cur.args = append(cur.args, m, newBatchID(), len(mc.fields))
		names := make([]string, 0, len(mc.fields))
		for f := range mc.fields {
			names = append(names, f)
		}
		sort.Strings(names)
		for _, f := range names {
			cur.args = append(cur.args, f, mc.fields[f])
		}
		fields += len(mc.fields)
	}
	return out
}

// validName: a count's endpoint or result must be non-empty, fit its column and keep clear of
// the field syntax and of the table's bookkeeping rows.
func validName(s string, max int) bool {
	return s != "" && len(s) <= max && s[0] != '_' && !strings.ContainsAny(s, "|")
}

// flushCounts hands this node's counts to Redis. Chunks left by a failed flush go first, with
// their sequence numbers, then whatever was counted since; a chunk that fails stays for the
// next flush, and the counts behind it stay in memory, so nothing is lost or added twice.
func (s *sApiCalls) flushCounts(ctx context.Context) error {
	s.flushMu.Lock()
	defer s.flushMu.Unlock()
	if err := s.sendPending(ctx); err != nil {
		return err
	}
	if counts := s.counts.take(); len(counts) > 0 {
		s.pending = s.build(counts)
	}
	return s.sendPending(ctx)
}

func (s *sApiCalls) sendPending(ctx context.Context) error {
	for len(s.pending) > 0 {
		c := s.pending[0]
		if _, err := flushScript.Run(ctx, g.Redis(), c.keys, c.args...); err != nil {
			return err
		}
		s.pending = s.pending[1:]
	}
	return nil
}
