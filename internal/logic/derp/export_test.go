package derp

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// AdminNoticeForTest writes an admin notice through the shared helper in its own transaction,
// as the server and host-op parts do from theirs.
func AdminNoticeForTest(ctx context.Context, kind string, params map[string]any, key string) (sent bool, err error) {
	s := service.Derp().(*sDerp)
	err = dao.DerpNotices.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		sent, err = s.notice(ctx, tx, toAdmins(), kind, params, key)
		return err
	})
	return sent, err
}

// ChunkRows and InChunksForTest expose the lifecycle scans' chunked transactions.
const ChunkRows = chunkRows

func InChunksForTest(ctx context.Context, n int, each func(ctx context.Context, tx gdb.TX, i int) (bool, error),
	after func(i int)) (int, error) {
	return inChunks(ctx, n, chunkScan{each: func(ctx context.Context, c *chunk, i int) (bool, error) {
		return each(ctx, c.tx, i)
	}, after: func(changed []int) {
		for _, i := range changed {
			after(i)
		}
	}})
}

// DeregisteredNoticesForTest sends the deregistered notices of rentals (rows as a scan holds
// them) from one chunk of a scan; before runs inside the chunk's transaction first, once.
func DeregisteredNoticesForTest(rentals []*entity.DerpRentals, keys []string, before func(ctx context.Context)) error {
	s := &sDerp{}
	first := true
	_, err := inChunks(context.Background(), len(rentals), chunkScan{
		each: func(ctx context.Context, _ *chunk, i int) (bool, error) {
			if first && before != nil {
				first = false
				before(ctx)
			}
			return true, nil
		},
		end: func(ctx context.Context, c *chunk, changed []int) error {
			reqs := make([]noticeReq, len(changed))
			for j, i := range changed {
				reqs[j] = noticeReq{to: toRentalRow(rentals[i]), kind: "deregistered", key: keys[i]}
			}
			return s.noticesIn(ctx, c, reqs)
		},
	})
	return err
}
