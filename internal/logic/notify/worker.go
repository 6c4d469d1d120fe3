package notify

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/i18n/gi18n"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/logic/mail"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
	"kami/utility/text"
)

const (
	// pollInterval is how often an idle node looks for due copies: a copy written in a caller's
	// transaction (or on another node) goes out within about this long after commit.
	pollInterval = time.Second
	// claimBatch bounds the rows one look reads.
	claimBatch = 50
	// lease is how long a claimed copy stays with its node. It outlasts a send (the mail
	// timeout) by far; a node that died holding one frees it when it runs out, and the copy is
	// sent again then: delivery is at least once across a crash, never twice otherwise.
	lease = 5 * time.Minute
	// maxBackoff caps the wait between two attempts.
	maxBackoff = 6 * time.Hour
	// unavailableWait puts a copy off when its send limits cannot be checked (Redis down).
	unavailableWait = 30 * time.Second
	// mailLanguage renders copies: there is no per-user language yet, and zh-CN is the panel's.
	mailLanguage = "zh-CN"
)

// work is the delivery loop of this node.
func (s *sNotify) work(ctx context.Context, done chan struct{}) {
	defer close(done)
	for ctx.Err() == nil {
		wait := s.pass(ctx)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
		case <-s.kick:
		case <-t.C:
		}
		t.Stop()
	}
}

// pass delivers every copy due now and says how long to sleep: the poll interval, or less when
// a copy it put off is due sooner (short retry bases in tests, short limit waits).
func (s *sNotify) pass(ctx context.Context) time.Duration {
	wait := pollInterval
	for ctx.Err() == nil {
		cols := dao.NotificationDeliveries.Columns()
		var due []entity.NotificationDeliveries
		err := dao.NotificationDeliveries.Ctx(ctx).
			WhereIn(cols.Status, []string{statusPending, statusSending}).WhereLTE(cols.NextAttemptAt, s.now()).
			OrderAsc(cols.NextAttemptAt).Limit(claimBatch).Scan(&due)
		if err != nil && !dbx.IsNoRows(err) {
			if ctx.Err() == nil {
				g.Log().Warningf(ctx, "notify: reading due copies: %v", err)
			}
			return wait
		}
		claimed := 0
		for i := range due {
			if ctx.Err() != nil {
				return wait
			}
			r := s.deliverOne(ctx, &due[i])
			if !r.claimed {
				continue
			}
			claimed++
			if r.again > 0 {
				wait = min(wait, max(r.again, 10*time.Millisecond))
			}
			if r.stop {
				return wait // a channel-wide limit: the rest would only be put off one by one
			}
		}
		if len(due) < claimBatch || claimed == 0 {
			return wait // drained, or every row went to other nodes (or failed to update)
		}
	}
	return wait
}

// result is how one delivery went, for the pass.
type result struct {
	claimed bool
	again   time.Duration // the copy is due again this soon (0: not put off)
	stop    bool          // a channel-wide limit refused it
}

// deliverOne claims d and sends it.
func (s *sNotify) deliverOne(ctx context.Context, d *entity.NotificationDeliveries) result {
	if !s.claim(ctx, d) {
		return result{} // another node has it, or it changed since it was read
	}
	// The send in hand finishes even when the node stops meanwhile: it is bounded by the mail
	// timeout, and cutting it short would only make the next node send it again.
	sctx, cancel := context.WithTimeout(gi18n.WithLanguage(context.WithoutCancel(ctx), mailLanguage), mail.Timeout+5*time.Second)
	defer cancel()
	out, limited, err := attempt(sctx, d)
	switch out {
	case outcomeSent:
		s.finish(sctx, d, do.NotificationDeliveries{Status: statusSent, SentAt: s.now(), LastError: ""})
	case outcomeSkipped:
		s.finish(sctx, d, do.NotificationDeliveries{Status: statusSkipped, LastError: errText(err)})
	case outcomeDeferred:
		// Not an attempt: the copy was never offered to the transport.
		s.finish(sctx, d, do.NotificationDeliveries{Status: statusPending, Attempts: d.Attempts - 1,
			NextAttemptAt: s.now().Add(limited.Wait), LastError: errText(err)})
		return result{claimed: true, again: limited.Wait, stop: limited.Channel}
	case outcomeFailed:
		if d.Attempts >= int(service.Settings().Int(settingMaxAttempts)) {
			g.Log().Warningf(sctx, "notify: copy %d (%s to user %d) failed for good after %d attempts: %v", d.Id, d.Channel, d.UserId, d.Attempts, err)
			s.finish(sctx, d, do.NotificationDeliveries{Status: statusFailed, LastError: errText(err)})
			break
		}
		wait := backoff(d.Attempts)
		s.finish(sctx, d, do.NotificationDeliveries{Status: statusPending, NextAttemptAt: s.now().Add(wait), LastError: errText(err)})
		return result{claimed: true, again: wait}
	}
	return result{claimed: true}
}

// claim takes d for this node with one conditional UPDATE: the row must still be due and
// carry the attempt count read, so of two nodes reading it only one matches; d then holds the
// claimed state.
func (s *sNotify) claim(ctx context.Context, d *entity.NotificationDeliveries) bool {
	cols := dao.NotificationDeliveries.Columns()
	now := s.now()
	res, err := dao.NotificationDeliveries.Ctx(ctx).
		Data(do.NotificationDeliveries{Status: statusSending, Attempts: d.Attempts + 1, NextAttemptAt: now.Add(lease),
			Node: s.cfg().NodeID, UpdatedAt: now}).
		Where(cols.Id, d.Id).Where(cols.Attempts, d.Attempts).
		WhereIn(cols.Status, []string{statusPending, statusSending}).WhereLTE(cols.NextAttemptAt, now).Update()
	if err != nil {
		if ctx.Err() == nil {
			g.Log().Warningf(ctx, "notify: claiming copy %d: %v", d.Id, err)
		}
		return false
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return false
	}
	d.Attempts++
	d.Status = statusSending
	return true
}

// finish records how the claimed attempt ended, provided the claim is still this node's (a
// lease that ran out may have passed the row to another node, whose record then stands).
func (s *sNotify) finish(ctx context.Context, d *entity.NotificationDeliveries, data do.NotificationDeliveries) {
	cols := dao.NotificationDeliveries.Columns()
	data.UpdatedAt = s.now()
	_, err := dao.NotificationDeliveries.Ctx(ctx).Data(data).
		Where(cols.Id, d.Id).Where(cols.Attempts, d.Attempts).Where(cols.Status, statusSending).Update()
	if err != nil {
		g.Log().Errorf(ctx, "notify: recording copy %d: %v", d.Id, err)
	}
}

type outcome int

const (
	outcomeSent outcome = iota
	outcomeSkipped
	outcomeDeferred
	outcomeFailed
)

// attempt renders and sends one claimed copy.
func attempt(ctx context.Context, d *entity.NotificationDeliveries) (outcome, *Limited, error) {
	t := transportFor(d.Channel)
	if t == nil {
		return outcomeSkipped, nil, fmt.Errorf("no %s transport on this node", d.Channel)
	}
	var inbox entity.Notifications
	var notice entity.Notices
	var user entity.Users
	err := dao.Notifications.Ctx(ctx).WherePri(d.NotificationId).Scan(&inbox)
	if err == nil {
		err = dao.Notices.Ctx(ctx).WherePri(inbox.NoticeId).Scan(&notice)
	}
	if err == nil {
		err = dao.Users.Ctx(ctx).WherePri(d.UserId).Scan(&user)
	}
	if dbx.IsNoRows(err) {
		return outcomeSkipped, nil, fmt.Errorf("the notice or its user is gone")
	}
	if err != nil {
		return outcomeFailed, nil, err
	}
	address := t.Address(Contact{Id: user.Id, Email: user.Email, Phone: user.Phone})
	if address == "" || user.Status != consts.StatusEnabled {
		return outcomeSkipped, nil, fmt.Errorf("the user can no longer be reached on %s", d.Channel)
	}
	limited, err := t.Allow(ctx, user.Id)
	switch {
	case err != nil:
		return outcomeDeferred, &Limited{Wait: unavailableWait, Channel: true}, fmt.Errorf("send limits unavailable: %w", err)
	case limited != nil:
		return outcomeDeferred, limited, fmt.Errorf("send limit reached; retry in %s", limited.Wait.Round(time.Second))
	}
	title, body := render(ctx, &notice)
	m := Message{Kind: notice.Kind, KindName: kindName(ctx, notice.Kind), Title: title, Body: body, Params: noticeParams(&notice)}
	if err = t.Send(ctx, address, m); err != nil {
		if errors.Is(err, ErrUndeliverable) {
			return outcomeSkipped, nil, err
		}
		return outcomeFailed, nil, err
	}
	return outcomeSent, nil, nil
}

// backoff is the wait after the n-th failed attempt: base, 2×base, 4×base ... up to maxBackoff.
func backoff(n int) time.Duration {
	d := service.Settings().Duration(settingRetryBase)
	for i := 1; i < n && d < maxBackoff; i++ {
		d *= 2
	}
	return min(d, maxBackoff)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return text.Truncate(err.Error(), 1000)
}
