package notify

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/utility/dbx"
)

// SendEach is Send for notices that go to one user each, inside the caller's transaction: a
// job that changes a chunk of rows in one transaction tells each row's owner with one insert
// per notice and a few statements for the whole chunk (the users, the dedup keys they already
// hold, the inbox rows, the copies), where Send costs five statements a notice. It answers how
// many inboxes it reached; a notice whose user is disabled or already holds its dedup key
// (here, or earlier in ns) reaches none.
func (s *sNotify) SendEach(ctx context.Context, ns []model.Notice) (int, error) {
	if len(ns) == 0 {
		return 0, nil
	}
	if gdb.TXFromCtx(ctx, g.DB().GetGroup()) == nil {
		return 0, fmt.Errorf("notify: SendEach runs inside the caller's transaction")
	}
	channels := make([][]string, len(ns))
	uids := make([]int64, 0, len(ns))
	for i := range ns {
		if !oneUser(ns[i].To) {
			return 0, fmt.Errorf("notify: SendEach takes notices to one user each (%s)", ns[i].Kind)
		}
		c, err := check(ctx, &ns[i])
		if err != nil {
			return 0, err
		}
		channels[i] = c
		uids = append(uids, ns[i].To.UserIDs[0])
	}
	contacts := make(map[int64]Contact, len(uids))
	if err := eachRecipient(ctx, model.Recipients{UserIDs: uids}, func(batch []Contact) error {
		for _, c := range batch {
			contacts[c.Id] = c
		}
		return nil
	}); err != nil {
		return 0, err
	}
	held, err := heldKeys(ctx, ns)
	if err != nil {
		return 0, err
	}
	var inbox []do.Notifications
	var sent []int // index into ns of each inbox row
	copies := false
	for i := range ns {
		n := &ns[i]
		u := n.To.UserIDs[0]
		if _, ok := contacts[u]; !ok {
			continue
		}
		if n.DedupKey != "" {
			k := heldKey{u, n.DedupKey}
			if held[k] {
				continue
			}
			held[k] = true
		}
		id, err := s.insertNotice(ctx, n)
		if err != nil {
			return 0, err
		}
		row := do.Notifications{NoticeId: id, UserId: u, CreatedAt: s.now()}
		if n.DedupKey != "" {
			row.DedupKey = n.DedupKey
		}
		inbox = append(inbox, row)
		sent = append(sent, i)
		copies = copies || len(channels[i]) > 0
	}
	if len(inbox) == 0 {
		return 0, nil
	}
	// INSERT IGNORE, as in insertInbox: a concurrent sender of the same key wins that user.
	res, err := dao.Notifications.Ctx(ctx).Data(inbox).Batch(recipientBatch).InsertIgnore()
	if err != nil {
		return 0, err
	}
	if !copies {
		n, err := res.RowsAffected()
		return int(n), err
	}
	ids, err := inboxIDs(ctx, inbox)
	if err != nil {
		return 0, err
	}
	var rows []do.NotificationDeliveries
	for j, i := range sent {
		u := contacts[ns[i].To.UserIDs[0]]
		id, ok := ids[inbox[j].NoticeId.(int64)]
		if ok {
			rows = s.copyRows(rows, channels[i], []Contact{u}, map[int64]int64{u.Id: id})
		}
	}
	if len(rows) > 0 {
		if _, err = dao.NotificationDeliveries.Ctx(ctx).Data(rows).Batch(recipientBatch).Insert(); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

type heldKey struct {
	user int64
	key  string
}

// heldKeys reads which of the notices' users already hold its dedup key, in one statement
// per recipientBatch notices.
func heldKeys(ctx context.Context, ns []model.Notice) (map[heldKey]bool, error) {
	out := map[heldKey]bool{}
	cols := dao.Notifications.Columns()
	for lo := 0; lo < len(ns); lo += recipientBatch {
		var keys []string
		var users []int64
		for _, n := range ns[lo:min(lo+recipientBatch, len(ns))] {
			if n.DedupKey != "" {
				keys, users = append(keys, n.DedupKey), append(users, n.To.UserIDs[0])
			}
		}
		if len(keys) == 0 {
			continue
		}
		var got []struct {
			UserId   int64
			DedupKey string
		}
		err := dao.Notifications.Ctx(ctx).Fields(cols.UserId, cols.DedupKey).WhereIn(cols.DedupKey, keys).
			WhereIn(cols.UserId, users).Scan(&got)
		if err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
		for _, r := range got {
			out[heldKey{r.UserId, r.DedupKey}] = true
		}
	}
	return out, nil
}

// inboxIDs maps each notice of rows to the id of the inbox row that went in for it (a row a
// concurrent sender won is absent).
func inboxIDs(ctx context.Context, rows []do.Notifications) (map[int64]int64, error) {
	out := make(map[int64]int64, len(rows))
	cols := dao.Notifications.Columns()
	for lo := 0; lo < len(rows); lo += recipientBatch {
		ids := make([]int64, 0, recipientBatch)
		for _, r := range rows[lo:min(lo+recipientBatch, len(rows))] {
			ids = append(ids, r.NoticeId.(int64))
		}
		var got []struct{ Id, NoticeId int64 }
		if err := dao.Notifications.Ctx(ctx).Fields(cols.Id, cols.NoticeId).WhereIn(cols.NoticeId, ids).
			Scan(&got); err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
		for _, r := range got {
			out[r.NoticeId] = r.Id
		}
	}
	return out, nil
}
