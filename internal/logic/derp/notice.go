package derp

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// The system notices of §12, by the kind stored in derp_notices. Each is an i18n template
// (notify.<template>.title/.body with {name} placeholders, zh-CN and en), rendered by the core
// notification service in the reader's language; the names drop the contract's underscores
// because the notification service's template names are dotted camelCase.
var noticeTemplates = map[string]string{
	// customer notices; a rental's notices get {rentalNo} and {expiresAt} added
	"remind_7":        "derp.remind7",        // {days}
	"remind_3":        "derp.remind3",        // {days}
	"remind_1":        "derp.remind1",        // {days}
	"expired":         "derp.expired",        //
	"suspended":       "derp.suspended",      // {reason}
	"traffic_80":      "derp.traffic80",      // {usedBytes} {quotaBytes}
	"acl_updated":     "derp.aclUpdated",     // {version}
	"deregistered":    "derp.deregistered",   //
	"order_completed": "derp.orderCompleted", // {orderNo} {kind} {amount}
	// admin notices (every super-admin)
	// (sent by hostop.NotifyAdmins with {server} {message})
	"server_down":       "derp.serverDown",
	"host_op_dead":      "derp.hostOpDead",
	"server_over_quota": "derp.serverOverQuota",
	"anomaly":           "derp.anomaly", // {detail}
}

// noticeKinds groups the notices for the panel's inbox filter (notify.kind.<kind> in i18n).
var noticeKinds = map[string]string{"order_completed": "derp.order", "server_down": "derp.alert",
	"host_op_dead": "derp.alert", "server_over_quota": "derp.alert", "anomaly": "derp.alert"}

// noticeTo names a notice's recipient: the owner of a rental, one user, or the super-admins.
type noticeTo struct {
	RentalID int64
	UserID   int64
	Admins   bool
	// Rental, when the caller holds the row as its transaction left it (owner, number and
	// expiry), spares the notice reading it again: a scan's page already has it.
	Rental *entity.DerpRentals
}

func toRental(id int64) noticeTo { return noticeTo{RentalID: id} }

// toRentalRow is toRental for a rental row the caller read in (or guarded by) its transaction.
func toRentalRow(r *entity.DerpRentals) noticeTo { return noticeTo{RentalID: r.Id, Rental: r} }
func toUser(id int64) noticeTo                   { return noticeTo{UserID: id} }
func toAdmins() noticeTo                         { return noticeTo{Admins: true} }

// notice records a system notice (§12) in derp_notices and hands it to the core notification
// service (inbox plus an email copy), both inside tx, the state change's transaction, so a
// rollback leaves neither and the email leaves only after the commit. dedupKey makes it
// exactly once: the UNIQUE key lets one of any number of racing writers insert the row and the
// others see it already there, answering false without notifying. A rental's notice goes to its
// owner and carries {rentalNo} and {expiresAt} besides params.
func (s *sDerp) notice(ctx context.Context, tx gdb.TX, to noticeTo, kind string, params map[string]any,
	dedupKey string) (bool, error) {
	if tx != nil {
		ctx = gdb.WithTX(ctx, tx)
	}
	n, err := s.recordNotice(ctx, to, kind, params, dedupKey)
	if err != nil || n == nil {
		return false, err
	}
	_, err = service.Notify().Send(ctx, *n)
	return err == nil, err
}

// noticeIn is notice for a row of a lifecycle scan's chunk: the core notice of a rental's
// owner joins the chunk's, sent together at its end (notify's SendEach).
func (s *sDerp) noticeIn(ctx context.Context, c *chunk, to noticeTo, kind string, params map[string]any,
	dedupKey string) (bool, error) {
	if to.Admins {
		return s.notice(ctx, c.tx, to, kind, params, dedupKey)
	}
	n, err := s.recordNotice(ctx, to, kind, params, dedupKey)
	if err != nil || n == nil {
		return false, err
	}
	c.notices = append(c.notices, *n)
	return true, nil
}

// recordNotice writes the derp_notices row and answers the core notice to send, or nil when
// dedupKey was recorded already.
func (s *sDerp) recordNotice(ctx context.Context, to noticeTo, kind string, params map[string]any,
	dedupKey string) (*model.Notice, error) {
	row, n, err := prepareNotice(ctx, to, kind, params, dedupKey)
	if err != nil {
		return nil, err
	}
	res, err := dao.DerpNotices.Ctx(ctx).Data(row).InsertIgnore()
	if err != nil {
		return nil, err
	}
	if k, err := res.RowsAffected(); err != nil || k != 1 {
		return nil, err
	}
	return n, nil
}

// prepareNotice builds a notice's derp_notices row and the core notice it becomes, reading the
// rental only when the caller does not hold it.
func prepareNotice(ctx context.Context, to noticeTo, kind string, params map[string]any,
	dedupKey string) (do.DerpNotices, *model.Notice, error) {
	tpl, ok := noticeTemplates[kind]
	if !ok {
		return do.DerpNotices{}, nil, fmt.Errorf("derp: unknown notice kind %q", kind)
	}
	if len(dedupKey) > 120 {
		return do.DerpNotices{}, nil, fmt.Errorf("derp: notice dedup key over 120 bytes: %q", dedupKey)
	}
	p := map[string]any{}
	for k, v := range params {
		p[k] = v
	}
	uid := to.UserID
	ref := model.Ref{Type: "derp.rental", ID: to.RentalID}
	if to.RentalID > 0 {
		r := to.Rental
		if r == nil {
			if err := dao.DerpRentals.Ctx(ctx).WherePri(to.RentalID).Scan(&r); err != nil && !dbx.IsNoRows(err) {
				return do.DerpNotices{}, nil, err
			}
		}
		if r == nil {
			return do.DerpNotices{}, nil, fmt.Errorf("derp: notice %s for missing rental %d", kind, to.RentalID)
		}
		uid = r.UserId
		p["rentalNo"], p["expiresAt"] = r.RentalNo, timefmt.Format(r.ExpiresAt)
	} else if to.UserID > 0 {
		ref = model.Ref{Type: "user", ID: to.UserID}
	} else {
		ref = model.Ref{}
	}
	raw, err := json.Marshal(p)
	if err != nil {
		return do.DerpNotices{}, nil, err
	}
	row := do.DerpNotices{DedupKey: dedupKey, Kind: kind, Template: tpl, UserId: uid, RentalId: to.RentalID,
		Params: string(raw)}
	rcpt := model.Recipients{UserIDs: []int64{uid}}
	if to.Admins {
		rcpt = model.Recipients{Roles: []string{consts.RoleSuperAdmin}}
	}
	nk := noticeKinds[kind]
	if nk == "" {
		nk = "derp.rental"
	}
	return row, &model.Notice{To: rcpt, Kind: nk, Template: tpl, Params: p, Ref: ref,
		DedupKey: "derp:" + dedupKey, Channels: []string{model.ChannelEmail}}, nil
}

// noticeOrderCompleted tells the buyer its order is complete, in the transaction that completed
// it (once per order number).
func (s *sDerp) noticeOrderCompleted(ctx context.Context, tx gdb.TX, orderID int64) error {
	if tx != nil {
		ctx = gdb.WithTX(ctx, tx)
	}
	var o *entity.DerpOrders
	if err := dao.DerpOrders.Ctx(ctx).WherePri(orderID).Scan(&o); err != nil && !dbx.IsNoRows(err) {
		return err
	}
	if o == nil || o.Status != orderCompleted {
		return fmt.Errorf("derp: order %d is not completed", orderID)
	}
	_, err := s.notice(ctx, tx, toUser(o.BuyerId), "order_completed",
		map[string]any{"orderNo": o.OrderNo, "kind": o.Kind, "amount": o.Amount}, "order_completed:"+o.OrderNo)
	return err
}
