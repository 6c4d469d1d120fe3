package backup

import (
	"sort"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/system/v1"
	"kami/internal/backup"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
)

var sorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.Backups.Columns().Id),
	"createdAt": listq.Ordinal(dao.Backups.Columns().CreatedAt),
})

func item(r entity.Backups) v1.BackupItem {
	it := v1.BackupItem{ID: r.Id, File: r.File, Node: r.Node, Size: r.Size, SHA256: r.Sha256, SchemaVersion: r.SchemaVersion,
		Tables: r.TablesCount, Rows: r.RowsCount, Status: r.Status, Error: r.Error, CreatedAt: timefmt.Format(r.CreatedAt)}
	if r.VerifiedAt != nil {
		v := timefmt.Format(r.VerifiedAt)
		it.VerifiedAt = &v
	}
	return it
}

type timeID struct {
	at *gtime.Time
	id int64
}

// keptIDs applies the retention rule (backup.Keep) to the records; two taken in the same
// second share a time, and both are kept or neither.
func keptIDs(now time.Time, all []timeID, loc *time.Location) []int64 {
	byTime := map[time.Time][]int64{}
	times := make([]time.Time, 0, len(all))
	for _, b := range all {
		if b.at == nil {
			continue
		}
		t := b.at.Time
		if _, seen := byTime[t]; !seen {
			times = append(times, t)
		}
		byTime[t] = append(byTime[t], b.id)
	}
	var out []int64
	for _, t := range backup.Keep(now, times, loc) {
		out = append(out, byTime[t]...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
