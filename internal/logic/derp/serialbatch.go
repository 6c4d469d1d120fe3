package derp

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/principal"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// serialLife is how long an unused serial stays claimable (§4: creation + 30 d).
const serialLife = 30 * 24 * time.Hour

const (
	serialUnused      = "unused"
	serialSourceAdmin = "admin"
)

// SerialBatchCreate issues count serials of a plan (S). The codes leave the server only in this
// answer and the export: the rows hold a lookup hash and the sealed code.
func (s *sDerp) SerialBatchCreate(ctx context.Context, req *v1.SerialBatchCreateReq) (*v1.SerialBatchCreateRes, error) {
	if _, err := planByID(ctx, req.PlanId); err != nil {
		return nil, err
	}
	if req.DistributorId != nil {
		n, err := dao.DerpDistributors.Ctx(ctx).Where(dao.DerpDistributors.Columns().UserId, *req.DistributorId).Count()
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, errs.DerpNotDistributor.New()
		}
	}
	now := s.now()
	expires := gtime.NewFromTime(now.Add(serialLife))
	codes := make([]string, req.Count)
	rows := make([]do.DerpSerials, req.Count)
	for i := range codes {
		codes[i] = newSerialCode()
		symbols, _ := normalizeSerial(codes[i])
		sealed, err := sealSerial(codes[i])
		if err != nil {
			return nil, err
		}
		rows[i] = do.DerpSerials{CodeHash: serialHash(symbols), CodeEnc: sealed, CodeLast4: symbols[len(symbols)-4:],
			PlanId: req.PlanId, DistributorId: req.DistributorId, Source: serialSourceAdmin, Status: serialUnused,
			ExpiresAt: expires}
	}
	var batchID int64
	err := dao.DerpSerialBatches.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		var err error
		batchID, err = dao.DerpSerialBatches.Ctx(ctx).Data(do.DerpSerialBatches{PlanId: req.PlanId, Count: req.Count,
			DistributorId: req.DistributorId, Source: serialSourceAdmin, Remark: req.Remark,
			CreatedBy: principal.From(ctx).UserID, ExpiresAt: expires}).InsertAndGetId()
		if err != nil {
			return err
		}
		for i := range rows {
			rows[i].BatchId = batchID
		}
		// 130 random bits per code: a hash collision is a broken RNG, not a case to retry.
		_, err = dao.DerpSerials.Ctx(ctx).Data(rows).Batch(200).Insert()
		return err
	})
	if dbx.IsUniqueViolation(err) {
		return nil, errs.Conflict.New()
	}
	if err != nil {
		return nil, err
	}
	return &v1.SerialBatchCreateRes{Id: batchID, PlanId: req.PlanId, Count: req.Count, DistributorId: req.DistributorId,
		ExpiresAt: timefmt.Format(expires), Codes: codes}, nil
}
