package derp

import (
	"context"
	"database/sql"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
)

// Retention of the raw rows (§10 derp.prune); the hourly rollups stay.
const (
	keepProbes         = 14 * day
	keepSamples        = 7 * day
	keepPendingDevices = 30 * day
	pruneBatch         = 5000
)

// PruneRows is derp.prune: raw probes older than 14 days, traffic samples older than 7 days and
// pending (never approved) devices untouched for 30 days, deleted in bounded batches by key, so
// no statement holds a long lock and it works the same on every dialect (no DELETE … LIMIT).
func (s *sDerp) PruneRows(ctx context.Context) (int, error) {
	now := s.now()
	done := 0
	pc := dao.DerpProbes.Columns()
	n, err := pruneByID(ctx, func() ([]int64, error) {
		return ids(dao.DerpProbes.Ctx(ctx).Fields(pc.Id).WhereLT(pc.ProbedAt, gtime.NewFromTime(now.Add(-keepProbes))).
			OrderAsc(pc.Id).Limit(pruneBatch).Array())
	}, func(batch []int64) (int64, error) {
		return affected(dao.DerpProbes.Ctx(ctx).WhereIn(pc.Id, batch).Delete())
	})
	done += n
	if err != nil {
		return done, err
	}
	dc := dao.DerpDevices.Columns()
	n, err = pruneByID(ctx, func() ([]int64, error) {
		return ids(dao.DerpDevices.Ctx(ctx).Fields(dc.Id).Where(dc.Status, devicePending).
			WhereLT(dc.UpdatedAt, gtime.NewFromTime(now.Add(-keepPendingDevices))).OrderAsc(dc.Id).Limit(pruneBatch).Array())
	}, func(batch []int64) (int64, error) {
		return affected(dao.DerpDevices.Ctx(ctx).WhereIn(dc.Id, batch).Where(dc.Status, devicePending).Delete())
	})
	done += n
	if err != nil {
		return done, err
	}
	// Samples have a composite key (container_id, bucket_ts): delete whole buckets, a few at a time.
	sc := dao.DerpTrafficSamples.Columns()
	cutoff := gtime.NewFromTime(now.Add(-keepSamples))
	for ctx.Err() == nil {
		buckets, err := dao.DerpTrafficSamples.Ctx(ctx).Fields(sc.BucketTs).Distinct().WhereLT(sc.BucketTs, cutoff).
			OrderAsc(sc.BucketTs).Limit(50).Array()
		if err != nil || len(buckets) == 0 {
			return done, err
		}
		in := make([]any, len(buckets))
		for i, b := range buckets {
			in[i] = b.Val()
		}
		k, err := affected(dao.DerpTrafficSamples.Ctx(ctx).WhereIn(sc.BucketTs, in).WhereLT(sc.BucketTs, cutoff).Delete())
		done += int(k)
		if err != nil {
			return done, err
		}
	}
	return done, ctx.Err()
}

func affected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func ids[T interface{ Int64() int64 }](vals []T, err error) ([]int64, error) {
	out := make([]int64, len(vals))
	for i, v := range vals {
		out[i] = v.Int64()
	}
	return out, err
}

func pruneByID(ctx context.Context, next func() ([]int64, error), del func([]int64) (int64, error)) (int, error) {
	done := 0
	for ctx.Err() == nil {
		batch, err := next()
		if err != nil || len(batch) == 0 {
			return done, err
		}
		n, err := del(batch)
		done += int(n)
		if err != nil || n == 0 {
			return done, err
		}
	}
	return done, ctx.Err()
}
