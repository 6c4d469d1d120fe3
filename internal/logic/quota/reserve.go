package quota

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// freeze is the two legs of amount moving between a user's available and frozen parts
// (negative amount: back to available).
func freeze(user, amount int64) []leg {
	return []leg{
		{user: user, bucket: model.BucketAvailable, amount: -amount, counterparty: user},
		{user: user, bucket: model.BucketFrozen, amount: amount, counterparty: user},
	}
}

// Reserve freezes in.Amount of the user's available quota and returns the reservation's id.
// 409 QUOTA_INSUFFICIENT (nothing written) when the user has less. A repeat with the same
// IdemKey returns the same reservation.
func (s *sQuota) Reserve(ctx context.Context, tx gdb.TX, in model.QuotaReserve) (resID int64, err error) {
	if err = checkAmount(in.Amount); err != nil {
		return 0, err
	}
	fp := fingerprintOf("reserve", in.UserID, in.Amount, in.Type, in.Ref)
	err = s.doGuarded(ctx, tx, []int64{in.UserID}, func(ctx context.Context) error {
		if !in.FreshKey {
			m, err := replay(ctx, in.IdemKey, fp)
			if err != nil || m != nil {
				if m != nil {
					resID = m.Result
				}
				return err
			}
		}
		// The guarded update first: short of quota, nothing of the reservation is written.
		mv := &movement{typ: in.Type, ref: in.Ref, remark: in.Remark, idemKey: in.IdemKey, amount: in.Amount,
			fingerprint: fp, legs: freeze(in.UserID, in.Amount)}
		now := s.now()
		after, err := s.apply(ctx, mv.legs, now)
		if err != nil {
			return err
		}
		if resID, err = ledgerSQL().Insert(ctx, sqlInsertReservation, in.UserID, in.Amount, in.Type, in.Ref,
			model.ReservationOpen, deadlineArg(in.Deadline), now); err != nil {
			return err
		}
		mv.result = resID
		if _, err = s.record(ctx, mv, after, now); err != nil && in.FreshKey && errs.Is(err, errs.IdempotencyInProgress) {
			// The key was not fresh after all: undo the freeze and the reservation row, so the
			// caller's transaction holds nothing of this call even if it commits anyway.
			resID = 0
			if uerr := s.undoReserve(ctx, mv, now); uerr != nil {
				return uerr
			}
		}
		return err
	})
	return resID, err
}

// undoReserve takes back what Reserve wrote before its movement's key turned out taken.
func (s *sQuota) undoReserve(ctx context.Context, mv *movement, now time.Time) error {
	if _, err := s.apply(ctx, freeze(mv.legs[0].user, -mv.amount), now); err != nil {
		return err
	}
	_, err := ledgerSQL().Exec(ctx, sqlDeleteReservation, mv.result)
	return err
}

// Commit collects actual units of the reservation: up to its amount from the frozen part (the
// rest is released in the same movement); more only with AllowOverage, taken from available
// down to zero. It returns what was collected. A repeat with the same IdemKey returns the
// first answer; committing a settled reservation otherwise is 409 INVALID_STATE.
func (s *sQuota) Commit(ctx context.Context, tx gdb.TX, resID, actual int64, opt model.QuotaCommit) (int64, error) {
	return s.settle(ctx, tx, resID, actual, model.SystemAccount, opt)
}

// settle is Commit with the collected units going to the account to (the system account, or
// the recipient of a transfer held for review).
func (s *sQuota) settle(ctx context.Context, tx gdb.TX, resID, actual, to int64, opt model.QuotaCommit) (collected int64, err error) {
	if actual < 0 {
		return 0, errs.InvalidInput.Msg("the committed amount cannot be negative")
	}
	// The reservation and the movement its key may already have made, in one read, unless the
	// caller holds the lock and what it opened (the close's guard then checks it).
	var r *entity.QuotaReservations
	var m *entity.QuotaMovements
	if o := opt.Opened; o != nil && o.ID == resID && holds(ctx, o.UserID, to) {
		r = &entity.QuotaReservations{Id: o.ID, UserId: o.UserID, Amount: o.Amount, Type: o.Type, Ref: o.Ref,
			Status: model.ReservationOpen}
	} else if r, m, err = reservationAndReplay(ctx, resID, opt.IdemKey); err != nil {
		return 0, err
	}
	if actual > r.Amount && !opt.AllowOverage && m == nil {
		return 0, errs.InvalidInput.Msg("the committed amount exceeds the reservation")
	}
	fp := fingerprintOf("commit", resID, actual, to, opt.AllowOverage)
	readLocked := holds(ctx, r.UserId, to)
	err = s.doGuarded(ctx, tx, []int64{r.UserId, to}, func(ctx context.Context) error {
		// Read again under the lock (unless the first read already was): a shrink, a
		// settlement or a retry with this key may have happened meanwhile.
		if !readLocked {
			if r, m, err = reservationAndReplay(ctx, resID, opt.IdemKey); err != nil {
				return err
			}
		}
		if m != nil {
			if m.Fingerprint != fp {
				return errs.IdempotencyMismatch.New()
			}
			collected = m.Result
			return nil
		}
		if actual > r.Amount && !opt.AllowOverage {
			return errs.InvalidInput.Msg("the committed amount exceeds the reservation")
		}
		take, extra := min(actual, r.Amount), int64(0)
		if actual > r.Amount {
			b, err := s.Balance(ctx, r.UserId)
			if err != nil {
				return err
			}
			extra = min(actual-r.Amount, b.Available)
		}
		collected = take + extra
		if err = s.close(ctx, r, model.ReservationCommitted, collected); err != nil {
			return err
		}
		legs := []leg{{user: r.UserId, bucket: model.BucketFrozen, amount: -r.Amount, counterparty: to}}
		if rest := r.Amount - take; rest > 0 {
			legs = append(legs, leg{user: r.UserId, bucket: model.BucketAvailable, amount: rest, counterparty: r.UserId})
		}
		if extra > 0 {
			legs = append(legs, leg{user: r.UserId, bucket: model.BucketAvailable, amount: -extra, counterparty: to})
		}
		legs = append(legs, leg{user: to, bucket: model.BucketAvailable, amount: collected, counterparty: r.UserId})
		_, err = s.post(ctx, &movement{typ: r.Type, ref: r.Ref, remark: opt.Remark, idemKey: opt.IdemKey,
			amount: collected, result: collected, fingerprint: fp, legs: dropZero(legs)})
		return err
	})
	return collected, err
}

// Release unfreezes what the reservation holds. Releasing a released reservation is a no-op,
// so sweepers and retries may repeat it; a committed one is 409 INVALID_STATE.
func (s *sQuota) Release(ctx context.Context, tx gdb.TX, resID int64) error {
	r, err := reservation(ctx, resID)
	if err != nil {
		return err
	}
	readLocked := holds(ctx, r.UserId)
	return s.doGuarded(ctx, tx, []int64{r.UserId}, func(ctx context.Context) error {
		if !readLocked {
			if r, err = reservation(ctx, resID); err != nil {
				return err
			}
		}
		if r.Status == model.ReservationReleased {
			return nil
		}
		if err = s.close(ctx, r, model.ReservationReleased, 0); err != nil {
			return err
		}
		_, err = s.post(ctx, &movement{typ: r.Type, ref: r.Ref, amount: r.Amount, legs: freeze(r.UserId, -r.Amount)})
		return err
	})
}

// shrink releases part of an open reservation, keeping keep units frozen (a reviewer approved
// only part of a held withdrawal).
func (s *sQuota) shrink(ctx context.Context, resID, keep int64) error {
	r, err := reservation(ctx, resID)
	if err != nil {
		return err
	}
	return s.do(ctx, nil, []int64{r.UserId}, func(ctx context.Context) error {
		if r, err = reservation(ctx, resID); err != nil {
			return err
		}
		if r.Status != model.ReservationOpen || keep < 0 || keep > r.Amount {
			return errs.InvalidState.New()
		}
		if keep == r.Amount {
			return nil
		}
		cols := dao.QuotaReservations.Columns()
		res, err := dao.QuotaReservations.Ctx(ctx).Where(cols.Id, resID).Where(cols.Status, model.ReservationOpen).
			Where(cols.Amount, r.Amount).Data(do.QuotaReservations{Amount: keep}).Update()
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return errs.InvalidState.New()
		}
		_, err = s.post(ctx, &movement{typ: r.Type, ref: r.Ref, amount: r.Amount - keep, legs: freeze(r.UserId, -(r.Amount - keep))})
		return err
	})
}

// close moves an open reservation to its final status; the conditions on status and amount
// make two racing settlements (or a settlement racing a shrink) impossible, whatever the locks did.
func (s *sQuota) close(ctx context.Context, r *entity.QuotaReservations, status string, collected int64) error {
	n, err := ledgerSQL().Affected(ctx, sqlCloseReservation, status, collected, s.now(), r.Id, r.UserId, r.Type, r.Ref,
		model.ReservationOpen, r.Amount)
	if err != nil {
		return err
	}
	if n != 1 {
		return errs.InvalidState.New()
	}
	return nil
}

func dropZero(legs []leg) []leg {
	out := legs[:0]
	for _, l := range legs {
		if l.amount != 0 {
			out = append(out, l)
		}
	}
	return out
}

func reservation(ctx context.Context, id int64) (*entity.QuotaReservations, error) {
	r, err := ledgerSQL().One(ctx, sqlReservation, id)
	if err != nil {
		return nil, err
	}
	if r.IsEmpty() {
		return nil, errs.NotFound.New()
	}
	return reservationOf(r), nil
}

// ReservationByRef is the newest reservation made for a business object, or nil.
func (s *sQuota) ReservationByRef(ctx context.Context, ref string) (*model.QuotaReservation, error) {
	var r *entity.QuotaReservations
	err := dao.QuotaReservations.Ctx(ctx).Where(dao.QuotaReservations.Columns().Ref, ref).
		OrderDesc(dao.QuotaReservations.Columns().Id).Limit(1).Scan(&r)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if r == nil {
		return nil, nil
	}
	return toReservation(r), nil
}

// OverdueReservations lists open reservations of a type whose deadline is before, oldest
// first, for the owning module's sweeper to commit or release.
func (s *sQuota) OverdueReservations(ctx context.Context, typ string, before time.Time, limit int) ([]model.QuotaReservation, error) {
	cols := dao.QuotaReservations.Columns()
	var rows []*entity.QuotaReservations
	err := dao.QuotaReservations.Ctx(ctx).Where(cols.Status, model.ReservationOpen).Where(cols.Type, typ).
		WhereNotNull(cols.Deadline).WhereLT(cols.Deadline, before.UTC()).OrderAsc(cols.Deadline).Limit(limit).Scan(&rows)
	if err != nil {
		return nil, err
	}
	out := make([]model.QuotaReservation, 0, len(rows))
	for _, r := range rows {
		out = append(out, *toReservation(r))
	}
	return out, nil
}

func toReservation(r *entity.QuotaReservations) *model.QuotaReservation {
	out := &model.QuotaReservation{ID: r.Id, UserID: r.UserId, Amount: r.Amount, Collected: r.Collected,
		Type: r.Type, Ref: r.Ref, Status: r.Status}
	if r.Deadline != nil {
		t := r.Deadline.Time
		out.Deadline = &t
	}
	if r.CreatedAt != nil {
		out.CreatedAt = r.CreatedAt.Time
	}
	return out
}
