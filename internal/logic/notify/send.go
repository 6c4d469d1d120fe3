package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/utility/dbx"
)

// Delivery statuses.
const (
	statusPending = "pending" // due at next_attempt_at
	statusSending = "sending" // claimed by a node until next_attempt_at (its lease)
	statusSent    = "sent"
	statusFailed  = "failed"  // gave up after the last attempt
	statusSkipped = "skipped" // the user could no longer be reached (address removed, disabled)
)

// maxText bounds a body and the encoded params: both go into a TEXT column (64 KiB on MySQL).
const maxText = 60000

var nameRule = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$`)

// Send writes n to the inbox of every recipient and queues its copies on the other channels
// it names, and answers how many inboxes it reached. Inside g.DB().Transaction (ctx carries
// the transaction) every row is written in it, so a rollback leaves no notice and nothing is
// mailed; the worker only sees the copies once the transaction commits. A recipient already
// holding n.DedupKey is skipped, so a retried event notifies once.
func (s *sNotify) Send(ctx context.Context, n model.Notice) (int, error) {
	channels, err := check(ctx, &n)
	if err != nil {
		return 0, err
	}
	joined := gdb.TXFromCtx(ctx, g.DB().GetGroup()) != nil
	reached, queued := 0, 0
	// A module's event notice to one user inside its own transaction (a rental expiring, an
	// order completing) runs in that transaction without a savepoint: its caller returns the
	// error and rolls back, and a job sending one per row saves two statements a row.
	inTx := g.DB().Transaction
	if joined && oneUser(n.To) {
		inTx = func(ctx context.Context, f func(context.Context, gdb.TX) error) error { return f(ctx, nil) }
	}
	err = inTx(ctx, func(ctx context.Context, _ gdb.TX) error {
		var noticeID int64
		return eachRecipient(ctx, n.To, func(batch []Contact) error {
			fresh, err := withoutHolders(ctx, n.DedupKey, batch)
			if err != nil || len(fresh) == 0 {
				return err
			}
			if noticeID == 0 {
				if noticeID, err = s.insertNotice(ctx, &n); err != nil {
					return err
				}
			}
			ids, err := s.insertInbox(ctx, noticeID, n.DedupKey, fresh)
			if err != nil {
				return err
			}
			reached += len(ids)
			q, err := s.queueCopies(ctx, channels, fresh, ids)
			queued += q
			return err
		})
	})
	if err != nil {
		return 0, err
	}
	if queued > 0 && !joined {
		s.wake() // committed already; a caller's transaction commits later and the poll finds it
	}
	return reached, nil
}

// check validates a notice (its mistakes are the calling module's, so they are plain errors)
// and returns the extra channels that have a transport.
func check(ctx context.Context, n *model.Notice) ([]string, error) {
	if !nameRule.MatchString(n.Kind) || len(n.Kind) > 64 {
		return nil, fmt.Errorf("notify: bad kind %q (want <module>.<event>)", n.Kind)
	}
	switch {
	case n.Template != "":
		if !nameRule.MatchString(n.Template) || len(n.Template) > 100 {
			return nil, fmt.Errorf("notify: bad template name %q", n.Template)
		}
		if !templateExists(ctx, n.Template) {
			return nil, fmt.Errorf("notify: template %q has no notify.%[1]s.title/.body in every language", n.Template)
		}
	case strings.TrimSpace(n.Title) == "":
		return nil, fmt.Errorf("notify: a notice needs a template or a title")
	case utf8.RuneCountInString(n.Title) > 200:
		return nil, fmt.Errorf("notify: title over 200 characters")
	}
	if len(n.Body) > maxText {
		return nil, fmt.Errorf("notify: body over %d bytes", maxText)
	}
	if b, err := json.Marshal(n.Params); err != nil || len(b) > maxText {
		return nil, fmt.Errorf("notify: params not JSON or over %d bytes: %v", maxText, err)
	}
	if len(n.DedupKey) > 128 || len(n.Ref.Type) > 32 {
		return nil, fmt.Errorf("notify: dedup key over 128 or ref type over 32 bytes")
	}
	if !n.To.All && len(n.To.UserIDs) == 0 && len(n.To.Roles) == 0 {
		return nil, fmt.Errorf("notify: no recipients named")
	}
	for _, r := range n.To.Roles {
		if consts.RoleLevel(r) < 0 {
			return nil, fmt.Errorf("notify: unknown role %q", r)
		}
	}
	var out []string
	for _, c := range n.Channels {
		switch {
		case c == model.ChannelInbox:
		case c != model.ChannelEmail && c != model.ChannelSMS:
			return nil, fmt.Errorf("notify: unknown channel %q", c)
		case transportFor(c) == nil:
			g.Log().Debugf(ctx, "notify: no %s transport registered; %s gets the inbox copy only", c, n.Kind)
		default:
			out = append(out, c)
		}
	}
	return out, nil
}

func oneUser(to model.Recipients) bool { return !to.All && len(to.Roles) == 0 && len(to.UserIDs) == 1 }

// withoutHolders drops the users who already hold a notice with key.
func withoutHolders(ctx context.Context, key string, batch []Contact) ([]Contact, error) {
	if key == "" {
		return batch, nil
	}
	cols := dao.Notifications.Columns()
	ids := make([]int64, len(batch))
	for i, r := range batch {
		ids[i] = r.Id
	}
	held, err := dao.Notifications.Ctx(ctx).Fields(cols.UserId).Where(cols.DedupKey, key).WhereIn(cols.UserId, ids).Array()
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if len(held) == 0 {
		return batch, nil
	}
	skip := make(map[int64]bool, len(held))
	for _, v := range held {
		skip[v.Int64()] = true
	}
	out := make([]Contact, 0, len(batch)-len(held))
	for _, r := range batch {
		if !skip[r.Id] {
			out = append(out, r)
		}
	}
	return out, nil
}

func (s *sNotify) insertNotice(ctx context.Context, n *model.Notice) (int64, error) {
	row := do.Notices{
		Kind: n.Kind, Template: n.Template, Title: n.Title, Body: n.Body,
		RefType: n.Ref.Type, RefId: n.Ref.ID, CreatedAt: s.now(),
	}
	if len(n.Params) > 0 {
		b, err := json.Marshal(n.Params)
		if err != nil {
			return 0, fmt.Errorf("notify: params: %w", err)
		}
		row.Params = string(b)
	}
	if n.DedupKey != "" {
		row.DedupKey = n.DedupKey
	}
	return dao.Notices.Ctx(ctx).Data(row).InsertAndGetId()
}

// insertInbox writes one inbox row per user and returns the ids by user. INSERT IGNORE lets a
// concurrent sender of the same dedup key win a user without failing this transaction.
func (s *sNotify) insertInbox(ctx context.Context, noticeID int64, key string, users []Contact) (map[int64]int64, error) {
	now := s.now()
	rows := make([]do.Notifications, len(users))
	ids := make([]int64, len(users))
	for i, u := range users {
		rows[i] = do.Notifications{NoticeId: noticeID, UserId: u.Id, CreatedAt: now}
		if key != "" {
			rows[i].DedupKey = key
		}
		ids[i] = u.Id
	}
	res, err := dao.Notifications.Ctx(ctx).Data(rows).Batch(recipientBatch).InsertIgnore()
	if err != nil {
		return nil, err
	}
	if len(rows) == 1 { // one row: its insert says whether it went in and with which id
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return map[int64]int64{}, err
		}
		id, err := res.LastInsertId()
		if err != nil || id <= 0 {
			return nil, fmt.Errorf("notify: inbox row id: %d, %v", id, err)
		}
		return map[int64]int64{users[0].Id: id}, nil
	}
	cols := dao.Notifications.Columns()
	var got []struct{ Id, UserId int64 }
	err = dao.Notifications.Ctx(ctx).Fields(cols.Id, cols.UserId).Where(cols.NoticeId, noticeID).WhereIn(cols.UserId, ids).Scan(&got)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	out := make(map[int64]int64, len(got))
	for _, r := range got {
		out[r.UserId] = r.Id
	}
	return out, nil
}

// queueCopies writes a due delivery per channel for each inbox row whose user the channel can
// reach; a user without an address gets the inbox copy only.
func (s *sNotify) queueCopies(ctx context.Context, channels []string, users []Contact, inbox map[int64]int64) (int, error) {
	rows := s.copyRows(nil, channels, users, inbox)
	if len(rows) == 0 {
		return 0, nil
	}
	_, err := dao.NotificationDeliveries.Ctx(ctx).Data(rows).Batch(recipientBatch).Insert()
	return len(rows), err
}

// copyRows appends to rows the due deliveries queueCopies writes.
func (s *sNotify) copyRows(rows []do.NotificationDeliveries, channels []string, users []Contact,
	inbox map[int64]int64) []do.NotificationDeliveries {
	now := s.now()
	for _, c := range channels {
		t := transportFor(c)
		for _, u := range users {
			id, ok := inbox[u.Id]
			if !ok || t.Address(u) == "" {
				continue
			}
			rows = append(rows, do.NotificationDeliveries{
				NotificationId: id, UserId: u.Id, Channel: c, Status: statusPending, Attempts: 0,
				NextAttemptAt: now, CreatedAt: now, UpdatedAt: now,
			})
		}
	}
	return rows
}
