package card

import (
	"context"
	"strconv"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/card/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/idemkey"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

// CreateBatch generates req.Count cards of a plan for the caller (seed 001 §3.1). The charge
// (count x price units) is reserved, the batch and its cards are written and the reservation
// committed in one transaction opened under the caller's account lock, so a failure anywhere
// leaves nothing behind — no batch, no card, no quota moved — and racing batches of one agent
// queue on the lock while the ledger's guarded UPDATE refuses any overspend. The super-admin
// generates for any project without a charge (its side is the system account). A retry with
// the request's Idempotency-Key answers the first batch, even after the Redis record is gone.
func (s *sCard) CreateBatch(ctx context.Context, req *v1.BatchCreateReq) (*v1.BatchCreateRes, error) {
	p, ok := staff(ctx)
	if !ok {
		return nil, errs.Forbidden.New()
	}
	// A first check outside the lock answers bad input without queueing; it runs again inside.
	plan, err := s.plan(ctx, req.ProjectId, req.PlanId)
	if err != nil {
		return nil, err
	}
	// The super-admin's side is the system account: its batches are free. Anyone else is
	// charged at the plan's price as read under the account lock, so a price changed meanwhile
	// cannot slip a batch through uncharged.
	paying := p.Role != consts.RoleSuperAdmin
	key := idemkey.From(ctx)
	var id int64
	run := func(ctx context.Context) error {
		return dao.CardBatches.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			var err error
			if id, err = priorBatch(ctx, key, p.UserID, req); err != nil || id != 0 {
				return err
			}
			if err = service.Authorization().Check(ctx, req.ProjectId, p.UserID); err != nil {
				return err
			}
			if plan, err = s.plan(ctx, req.ProjectId, req.PlanId); err != nil {
				return err
			}
			id, err = s.writeBatch(ctx, tx, p.UserID, plan, req, key, paying && plan.Price > 0)
			if err != nil {
				return err
			}
			return auditInTx(ctx, tx)
		})
	}
	if paying {
		err = service.Quota().Lock(ctx, []int64{p.UserID}, run)
	} else {
		err = run(ctx)
	}
	if err != nil {
		if dbx.IsUniqueViolation(err) && key != "" {
			// A twin of this request committed first under the same key: answer its batch.
			if id, err = priorBatch(ctx, key, p.UserID, req); err == nil && id == 0 {
				err = errs.IdempotencyInProgress.New()
			}
		}
		if err != nil {
			return nil, err
		}
	}
	item, err := s.batchItem(ctx, id)
	if err != nil {
		return nil, err
	}
	return &v1.BatchCreateRes{BatchItem: *item}, nil
}

// plan is the active plan of the project for a batch: 400 PLAN_INVALID when the project has no
// such plan, 409 PLAN_DISABLED when it is disabled.
func (s *sCard) plan(ctx context.Context, projectID, planID int64) (*entity.ProjectPlans, error) {
	pl, err := service.Project().Plan(ctx, projectID, planID)
	if err != nil {
		if errs.Is(err, errs.NotFound) {
			return nil, errs.PlanInvalid.New()
		}
		return nil, err
	}
	if pl.Status != model.ProjectActive {
		return nil, errs.PlanDisabled.New()
	}
	return pl, nil
}

// writeBatch is the body of the batch's transaction: the batch row (its id names the
// reservation), the charge reserved, the cards, the charge committed, the batch active.
func (s *sCard) writeBatch(ctx context.Context, tx gdb.TX, owner int64, plan *entity.ProjectPlans,
	req *v1.BatchCreateReq, key string, charged bool) (int64, error) {
	now := s.now()
	cost := int64(0)
	if charged {
		cost = int64(req.Count) * plan.Price
	}
	var idem any
	if key != "" {
		idem = key
	}
	id, err := dao.CardBatches.Ctx(ctx).Data(do.CardBatches{
		ProjectId: req.ProjectId, PlanId: plan.Id, OwnerId: owner, PlanName: plan.Name,
		DurationSeconds: plan.DurationSeconds, MaxDevices: plan.MaxDevices, Count: req.Count, Price: plan.Price,
		Cost: cost, Remark: strings.TrimSpace(req.Remark), Status: model.BatchPending, IdemKey: idem,
		CreatedAt: now, UpdatedAt: now,
	}).InsertAndGetId()
	if err != nil {
		return 0, err
	}
	var resID int64
	ref := "batch:" + strconv.FormatInt(id, 10)
	if charged {
		if resID, err = service.Quota().Reserve(ctx, tx, model.QuotaReserve{UserID: owner, Amount: cost,
			Type: model.QuotaTypeCardBatch, Ref: ref, Remark: req.Remark, IdemKey: idemkey.Derive(ctx, "reserve")}); err != nil {
			return 0, err
		}
	}
	g := generation{batchID: id, projectID: req.ProjectId, planID: plan.Id, owner: owner,
		duration: plan.DurationSeconds, maxDevices: plan.MaxDevices, now: now}
	if err = g.write(ctx, tx, req.Count); err != nil {
		return 0, err
	}
	if charged {
		if _, err = service.Quota().Commit(ctx, tx, resID, cost,
			model.QuotaCommit{IdemKey: idemkey.Derive(ctx, "commit"), Remark: ref}); err != nil {
			return 0, err
		}
	}
	_, err = dao.CardBatches.Ctx(ctx).WherePri(id).Data(do.CardBatches{Status: model.BatchActive,
		GeneratedCount: req.Count, ReservationId: resID, UpdatedAt: now}).Update()
	return id, err
}

// priorBatch is the batch a first run of this request generated (it carries the key), or 0;
// the same key with another request is 409 IDEMPOTENCY_MISMATCH.
func priorBatch(ctx context.Context, key string, owner int64, req *v1.BatchCreateReq) (int64, error) {
	if key == "" {
		return 0, nil
	}
	var b *entity.CardBatches
	err := dao.CardBatches.Ctx(ctx).Where(dao.CardBatches.Columns().IdemKey, key).Scan(&b)
	if err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	if b == nil {
		return 0, nil
	}
	if b.OwnerId != owner || b.ProjectId != req.ProjectId || b.PlanId != req.PlanId || b.Count != req.Count ||
		b.Remark != strings.TrimSpace(req.Remark) {
		return 0, errs.IdempotencyMismatch.New()
	}
	return b.Id, nil
}
