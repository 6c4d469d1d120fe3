package derp

import (
	"context"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
)

// issue is one batch of serials written inside the caller's transaction (ctx carries it): a
// purchase or an approved offline order, whose batch names its order.
type issue struct {
	planID, distributorID, orderID, createdBy int64
	count                                     int
	source, remark                            string
}

// write inserts the batch and its serials and returns the batch id and the printed codes, which
// leave the server only in this answer and the export.
func (in issue) write(ctx context.Context, now gtime.Time) (int64, []string, error) {
	expires := gtime.NewFromTime(now.Time.Add(serialLife))
	batchID, err := dao.DerpSerialBatches.Ctx(ctx).Data(do.DerpSerialBatches{PlanId: in.planID, Count: in.count,
		DistributorId: in.distributorID, OrderId: in.orderID, Source: in.source, Remark: in.remark,
		CreatedBy: in.createdBy, ExpiresAt: expires}).InsertAndGetId()
	if err != nil {
		return 0, nil, err
	}
	codes := make([]string, in.count)
	rows := make([]do.DerpSerials, in.count)
	for i := range codes {
		codes[i] = newSerialCode()
		symbols, _ := normalizeSerial(codes[i])
		sealed, err := sealSerial(codes[i])
		if err != nil {
			return 0, nil, err
		}
		rows[i] = do.DerpSerials{CodeHash: serialHash(symbols), CodeEnc: sealed, CodeLast4: symbols[len(symbols)-4:],
			PlanId: in.planID, BatchId: batchID, DistributorId: in.distributorID, OrderId: in.orderID,
			Source: in.source, Status: serialUnused, ExpiresAt: expires}
	}
	_, err = dao.DerpSerials.Ctx(ctx).Data(rows).Batch(200).Insert()
	return batchID, codes, err
}
