package proxy

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

// mainAccount returns the agent's upstream main account `{prefix}_{agentId}`, created lazily
// by user/v2 (idempotent upstream) and recorded once; the prefix is frozen from then on.
func (s *sProxy) mainAccount(ctx context.Context, up upstream, agentID int64) (string, error) {
	var a *entity.ProxyAccount
	cols := dao.ProxyAccount.Columns()
	err := dao.ProxyAccount.Ctx(ctx).Where(cols.AgentId, agentID).Scan(&a)
	if err != nil && !dbx.IsNoRows(err) {
		return "", err
	}
	if a != nil {
		return a.AppUsername, nil
	}
	name := fmt.Sprintf("%s_%d", service.Settings().String(keyAccountPrefix), agentID)
	acc, err := up.EnsureMainAccount(ctx, name)
	if err != nil {
		return "", upstreamErr(err)
	}
	// Two racing first calls both reach user/v2 (harmless, idempotent); the unique index keeps one row.
	if _, err := dao.ProxyAccount.Ctx(ctx).Data(do.ProxyAccount{AgentId: agentID, AppUsername: name,
		UpstreamUsername: acc.Username, CreatedAt: gtime.New(s.now())}).InsertIgnore(); err != nil {
		return "", err
	}
	return name, nil
}
