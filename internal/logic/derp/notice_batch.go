package derp

import (
	"context"
	"errors"

	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/utility/dbx"
)

// noticeReq is one notice of a scan's chunk (noticeIn's arguments).
type noticeReq struct {
	to     noticeTo
	kind   string
	params map[string]any
	key    string
}

// errNoticeRaced fails a chunk whose batched notices met a key written meanwhile by another
// writer: inChunks then redoes the chunk a row per transaction, where noticeIn settles each.
var errNoticeRaced = errors.New("derp: a notice key was recorded concurrently")

// noticesIn is noticeIn for all of a chunk's notices to rental owners at once: the keys
// recorded already are read in one statement and the rest written in one INSERT IGNORE,
// instead of a statement per notice (most of what deregistering 1,000 rentals cost besides
// their own UPDATEs). A lone notice, as when inChunks redoes a chunk row by row, goes through
// noticeIn.
func (s *sDerp) noticesIn(ctx context.Context, c *chunk, reqs []noticeReq) error {
	if len(reqs) == 1 {
		r := reqs[0]
		_, err := s.noticeIn(ctx, c, r.to, r.kind, r.params, r.key)
		return err
	}
	if len(reqs) == 0 {
		return nil
	}
	keys := make([]string, len(reqs))
	for i, r := range reqs {
		if r.to.Admins {
			return errors.New("derp: noticesIn takes notices to rental owners and users")
		}
		keys[i] = r.key
	}
	cols := dao.DerpNotices.Columns()
	vals, err := dao.DerpNotices.Ctx(ctx).Fields(cols.DedupKey).WhereIn(cols.DedupKey, keys).Array()
	if err != nil && !dbx.IsNoRows(err) {
		return err
	}
	held := make(map[string]bool, len(vals))
	for _, v := range vals {
		held[v.String()] = true
	}
	rows := make([]do.DerpNotices, 0, len(reqs))
	notices := make([]model.Notice, 0, len(reqs))
	for _, r := range reqs {
		if held[r.key] {
			continue
		}
		held[r.key] = true // a key twice in one chunk is recorded once
		row, n, err := prepareNotice(ctx, r.to, r.kind, r.params, r.key)
		if err != nil {
			return err
		}
		rows, notices = append(rows, row), append(notices, *n)
	}
	if len(rows) == 0 {
		return nil
	}
	res, err := dao.DerpNotices.Ctx(ctx).Data(rows).Batch(len(rows)).InsertIgnore()
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != int64(len(rows)) {
		if err == nil {
			err = errNoticeRaced
		}
		return err
	}
	c.notices = append(c.notices, notices...)
	return nil
}
