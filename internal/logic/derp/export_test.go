package derp

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
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
	}, after: after})
}
