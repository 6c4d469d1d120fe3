package quota

import (
	"context"
	"strconv"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/idemkey"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/utility/dbx"
)

// Risk rule names, as stored on a review and shown to the reviewer.
const (
	ruleSingle        = "single"
	ruleFrequency     = "frequency"
	ruleAfterIncoming = "afterIncoming"
)

// Review statuses.
const (
	reviewPending  = "pending"
	reviewApproved = "approved"
	reviewRejected = "rejected"
)

// hold is an operation a risk rule stopped, to be filed for review with its amount frozen.
type heldOp struct {
	kind             string // transfer or withdrawal
	userID, toUserID int64
	withdrawalID     int64
	resID            int64 // a withdrawal's own reservation, which the review shares
	amount           int64
	remark           string
	rules            []string
}

// riskRules lists the rules (settings quota.risk*) an operation of kind by userID for amount
// breaks; empty: it may go through. It runs under the user's account lock, so counting recent
// operations cannot race with another of the same user's. A threshold of 0 turns its rule off.
func (s *sQuota) riskRules(ctx context.Context, kind string, userID, amount int64) ([]string, error) {
	set := service.Settings()
	var rules []string
	if over := set.Int(settingRiskSingle); over > 0 && amount > over {
		rules = append(rules, ruleSingle)
	}
	cols := dao.QuotaEntries.Columns()
	// Entries of the user's own available part, of type transfer, since the window opened.
	recent := func(window string) *gdb.Model {
		since := gtime.NewFromTime(s.now().Add(-set.Duration(window)))
		return dao.QuotaEntries.Ctx(ctx).Where(cols.UserId, userID).Where(cols.Type, model.QuotaTypeTransfer).
			Where(cols.Bucket, model.BucketAvailable).WhereGTE(cols.CreatedAt, since)
	}
	switch kind {
	case model.QuotaTypeTransfer:
		if limit := set.Int(settingRiskCount); limit > 0 {
			// Every transfer the user sent debits its available part once: directly, or as the
			// reservation of a held one. Refunds of held ones are credits and do not count.
			n, err := recent(settingRiskWindow).WhereLT(cols.Amount, 0).Count()
			if err != nil {
				return nil, err
			}
			if int64(n) >= limit {
				rules = append(rules, ruleFrequency)
			}
		}
	case model.QuotaTypeWithdrawal:
		if over := set.Int(settingRiskIncoming); over > 0 {
			// Credits from someone else: a held transfer's unfrozen rest comes from the user itself.
			n, err := recent(settingRiskIncomingWindow).WhereGTE(cols.Amount, over).WhereGT(cols.Amount, 0).
				WhereNot(cols.CounterpartyId, userID).Count()
			if err != nil {
				return nil, err
			}
			if n > 0 {
				rules = append(rules, ruleAfterIncoming)
			}
		}
	}
	return rules, nil
}

// hold freezes h's amount (a reservation) and files the review, in ctx's transaction, and
// tells the requester and the reviewers. A held transfer's reservation carries the request's
// idempotency key, the same one an unheld transfer's movement would: a retry can never both
// hold and move. A withdrawal brings its own reservation.
func (s *sQuota) hold(ctx context.Context, h heldOp) (int64, error) {
	key := ""
	if h.kind == model.QuotaTypeTransfer {
		key = idemkey.From(ctx)
		if id, err := priorReview(ctx, key, h); err != nil || id != 0 {
			return id, err
		}
	}
	now := gtime.NewFromTime(s.now())
	id, err := dao.QuotaReviews.Ctx(ctx).Data(do.QuotaReviews{
		Kind: h.kind, UserId: h.userID, ToUserId: h.toUserID, Amount: h.amount, Rules: strings.Join(h.rules, ","),
		Remark: h.remark, Status: reviewPending, ReservationId: h.resID, WithdrawalId: h.withdrawalID,
		CreatedAt: now, UpdatedAt: now,
	}).InsertAndGetId()
	if err != nil {
		return 0, err
	}
	if h.kind == model.QuotaTypeTransfer {
		resID, err := s.Reserve(ctx, nil, model.QuotaReserve{UserID: h.userID, Amount: h.amount, Type: h.kind,
			Ref: reviewRef(id), Remark: h.remark, IdemKey: key})
		if err != nil {
			return 0, err
		}
		if _, err = dao.QuotaReviews.Ctx(ctx).WherePri(id).Data(do.QuotaReviews{ReservationId: resID}).Update(); err != nil {
			return 0, err
		}
	}
	params := map[string]any{"id": id, "amount": s.yuan(h.amount), "rules": strings.Join(h.rules, ", ")}
	if err = s.notice(ctx, model.Recipients{UserIDs: []int64{h.userID}}, "quota.changed", "quota.held", id, params); err != nil {
		return 0, err
	}
	params["username"] = principal.From(ctx).Username
	err = s.notice(ctx, model.Recipients{Roles: []string{consts.RoleSuperAdmin}}, "quota.review", "quota.reviewNeeded", id, params)
	return id, err
}

// priorReview is the review a first run of this request filed (its reservation carries key),
// or 0; the same key on another operation is 409 IDEMPOTENCY_MISMATCH.
func priorReview(ctx context.Context, key string, h heldOp) (int64, error) {
	m, err := movementByKey(ctx, key)
	if err != nil || m == nil {
		return 0, err
	}
	id, ok := refID(m.Ref, "review:")
	if !ok {
		return 0, errs.IdempotencyMismatch.New()
	}
	r, err := reviewRow(ctx, id)
	if err != nil {
		return 0, err
	}
	if r.Kind != h.kind || r.UserId != h.userID || r.ToUserId != h.toUserID || m.Amount != h.amount {
		return 0, errs.IdempotencyMismatch.New()
	}
	return id, nil
}

// movementByKey is the movement an idempotency key made, or nil.
func movementByKey(ctx context.Context, key string) (*entity.QuotaMovements, error) {
	if key == "" {
		return nil, nil
	}
	var m *entity.QuotaMovements
	err := dao.QuotaMovements.Ctx(ctx).Where(dao.QuotaMovements.Columns().IdemKey, key).Scan(&m)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	return m, nil
}

func reviewRef(id int64) string { return "review:" + strconv.FormatInt(id, 10) }

// refID reads the id out of a reference "<prefix><id>".
func refID(ref, prefix string) (int64, bool) {
	rest, ok := strings.CutPrefix(ref, prefix)
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil && id > 0
}

// notice writes an inbox notice about a review or a withdrawal (refType quota.<template's
// object>) in the caller's transaction; the dedup key makes a replay notify each person once.
func (s *sQuota) notice(ctx context.Context, to model.Recipients, kind, template string, id int64, params map[string]any) error {
	refType := "quota.review"
	if strings.HasPrefix(template, "quota.withdrawal") {
		refType = "quota.withdrawal"
	}
	_, err := service.Notify().Send(ctx, model.Notice{
		To: to, Kind: kind, Template: template, Params: params, Ref: model.Ref{Type: refType, ID: id},
		DedupKey: template + ":" + strconv.FormatInt(id, 10),
	})
	return err
}
