package apicalls

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	v1 "kami/api/apicalls/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
	"kami/utility/redisscript"
)

const (
	// maxRangeDays is the longest range one call list answers: a year, leap day included.
	maxRangeDays = 366
	// defaultRangeDays is the range without a from: the last 30 days.
	defaultRangeDays = 30
)

const dayLayout = "2006-01-02"

// Calls answers a project's calls per day, endpoint and result over a range of days: the
// table's rows plus what Redis holds not yet drained, so today is current to the last flush.
func (s *sApiCalls) Calls(ctx context.Context, req *v1.CallListReq) (*v1.CallListRes, error) {
	if _, err := service.Project().Find(ctx, req.Id); err != nil {
		return nil, err
	}
	from, to, err := s.dayRange(req.From, req.To)
	if err != nil {
		return nil, err
	}
	// Redis first, then the table: a hash drained in between is then found in the table under
	// its batch id and not counted twice (the other order could miss it).
	hashes, err := undrained(ctx, req.Id, from, to)
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	cols := dao.OpenapiCalls.Columns()
	var rows []entity.OpenapiCalls
	err = dao.OpenapiCalls.Ctx(ctx).Where(cols.ProjectId, req.Id).WhereBetween(cols.Day, from, to).
		Scan(&rows)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	type key struct{ day, endpoint, result string }
	sums := map[key]int64{}
	wanted := func(endpoint, result string) bool {
		return (req.Endpoint == "" || endpoint == req.Endpoint) && (req.Result == "" || result == req.Result)
	}
	added := map[string]string{} // day -> the batch id its marker row names
	for _, r := range rows {
		switch {
		case r.Endpoint == markerEndpoint:
			added[r.Day] = r.Result
		case wanted(r.Endpoint, r.Result):
			sums[key{r.Day, r.Endpoint, r.Result}] += r.Calls
		}
	}
	for _, h := range hashes {
		if h.batch != "" && added[h.day] == h.batch {
			continue // in the table already; its draining hash is dropped by the next run
		}
		for _, c := range h.counts {
			if wanted(c.endpoint, c.result) {
				sums[key{h.day, c.endpoint, c.result}] += c.calls
			}
		}
	}
	res := &v1.CallListRes{From: from, To: to, Items: make([]v1.CallItem, 0, len(sums)), Totals: []v1.CallTotal{}}
	totals := map[string]int64{}
	for k, n := range sums {
		res.Items = append(res.Items, v1.CallItem{Day: k.day, Endpoint: k.endpoint, Result: k.result, Calls: n})
		totals[k.result] += n
		res.Calls += n
	}
	sort.Slice(res.Items, func(i, j int) bool {
		a, b := res.Items[i], res.Items[j]
		if a.Day != b.Day {
			return a.Day < b.Day
		}
		if a.Endpoint != b.Endpoint {
			return a.Endpoint < b.Endpoint
		}
		return a.Result < b.Result
	})
	for r, n := range totals {
		res.Totals = append(res.Totals, v1.CallTotal{Result: r, Calls: n})
	}
	sort.Slice(res.Totals, func(i, j int) bool {
		if res.Totals[i].Calls != res.Totals[j].Calls {
			return res.Totals[i].Calls > res.Totals[j].Calls
		}
		return res.Totals[i].Result < res.Totals[j].Result
	})
	return res, nil
}

// dayRange reads from and to (YYYY-MM-DD): to defaults to today on the service clock in the
// display zone, from to 29 days before to.
func (s *sApiCalls) dayRange(fromStr, toStr string) (string, string, error) {
	to, err := parseDay("to", toStr)
	if err != nil {
		return "", "", err
	}
	if toStr == "" {
		t := s.nowTime().In(timefmt.Zone())
		to = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	from, err := parseDay("from", fromStr)
	if err != nil {
		return "", "", err
	}
	if fromStr == "" {
		from = to.AddDate(0, 0, -(defaultRangeDays - 1))
	}
	// Both are midnight UTC, so the difference is whole days whatever the display zone does.
	if from.After(to) || int(to.Sub(from)/(24*time.Hour))+1 > maxRangeDays {
		return "", "", errs.CallsRangeInvalid.New(maxRangeDays)
	}
	return from.Format(dayLayout), to.Format(dayLayout), nil
}

// parseDay reads a calendar day exactly as YYYY-MM-DD ("" is the zero time).
func parseDay(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dayLayout, s)
	if err != nil || t.Format(dayLayout) != s {
		return time.Time{}, errs.CallsDayInvalid.New(field)
	}
	return t, nil
}

// undrainedHash is a live or draining hash of one of the project's days.
type undrainedHash struct {
	day, batch string
	counts     []callCount
}

// peekScript reads several hashes at one instant: per key its field count, then its fields
// and values, flattened.
var peekScript = redisscript.New(`local out = {}
for i = 1, #KEYS do
  local h = redis.call('HGETALL', KEYS[i])
  out[#out + 1] = tostring(#h)
  for j = 1, #h do out[#out + 1] = h[j] end
end
return out`)

// undrained is what Redis holds of a project's days from..to, read in one script so a drain
// renaming a hash meanwhile is seen either before or after.
func undrained(ctx context.Context, project int64, from, to string) ([]undrainedHash, error) {
	v, err := g.Redis().Do(ctx, "SMEMBERS", setKey())
	if err != nil {
		return nil, err
	}
	var keys, days []string
	for _, m := range v.Strings() {
		p, day, ok := parseMember(m)
		if ok && p == project && day >= from && day <= to {
			keys = append(keys, liveKey(m), drainKey(m))
			days = append(days, day, day)
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	v, err = peekScript.Run(ctx, g.Redis(), keys)
	if err != nil {
		return nil, err
	}
	flat := v.Strings()
	var out []undrainedHash
	for i, at := 0, 0; i < len(keys) && at < len(flat); i++ {
		n, err := strconv.Atoi(flat[at])
		if err != nil || n < 0 || at+1+n > len(flat) {
			return nil, fmt.Errorf("apicalls: malformed hash read at %d of %d", at, len(flat))
		}
		batch, counts, err := parseHash(flat[at+1 : at+1+n])
		if err != nil {
			return nil, err
		}
		at += 1 + n
		if n > 0 {
			out = append(out, undrainedHash{day: days[i], batch: batch, counts: counts})
		}
	}
	return out, nil
}

var failureSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.OpenapiFailures.Columns().Id),
	"createdAt": listq.Ordinal(dao.OpenapiFailures.Columns().CreatedAt),
})

// Failures pages through a project's last refused calls, newest first.
func (s *sApiCalls) Failures(ctx context.Context, req *v1.FailureListReq) (*v1.FailureListRes, error) {
	if _, err := service.Project().Find(ctx, req.Id); err != nil {
		return nil, err
	}
	cols := dao.OpenapiFailures.Columns()
	m := dao.OpenapiFailures.Ctx(ctx).Where(cols.ProjectId, req.Id)
	if req.Endpoint != "" {
		m = m.Where(cols.Endpoint, req.Endpoint)
	}
	if req.Error != "" {
		m = m.Where(cols.Error, req.Error)
	}
	rows, total, err := listq.Page[entity.OpenapiFailures](m, req.PageReq, failureSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.FailureListRes{Items: make([]v1.FailureItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.FailureItem{Id: r.Id, Endpoint: r.Endpoint, Error: r.Error,
			HttpStatus: r.HttpStatus, Detail: r.Detail, Ip: r.Ip, Nonce: r.Nonce, RequestTime: r.RequestTime,
			CreatedAt: timefmt.Format(r.CreatedAt)})
	}
	return res, nil
}
