package notify

import (
	"context"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/utility/dbx"
)

// recipientBatch bounds the users read, and the inbox rows written, per statement: a notice
// to every user walks the users table in id order, so memory stays flat however many there are.
const recipientBatch = 500

// Contact is a user a notice goes to, with what the channels need to reach them (a channel
// that needs more adds its column here and to the query below).
type Contact struct {
	Id    int64
	Email string
	Phone string
}

// eachRecipient calls fn with the enabled users `to` names, batch by batch, each user once
// however many of the lists name them. Roles are expanded now, at send time.
func eachRecipient(ctx context.Context, to model.Recipients, fn func([]Contact) error) error {
	cols := dao.Users.Columns()
	var last int64
	for {
		m := dao.Users.Ctx(ctx).Fields(cols.Id, cols.Email, cols.Phone).
			Where(cols.Status, consts.StatusEnabled).WhereGT(cols.Id, last)
		if !to.All {
			b := m.Builder()
			if len(to.UserIDs) > 0 {
				b = b.WhereOrIn(cols.Id, to.UserIDs)
			}
			if len(to.Roles) > 0 {
				b = b.WhereOrIn(cols.Role, to.Roles)
			}
			m = m.Where(b)
		}
		var batch []Contact
		if err := m.OrderAsc(cols.Id).Limit(recipientBatch).Scan(&batch); err != nil && !dbx.IsNoRows(err) {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		if err := fn(batch); err != nil {
			return err
		}
		if len(batch) < recipientBatch {
			return nil
		}
		last = batch[len(batch)-1].Id
	}
}
