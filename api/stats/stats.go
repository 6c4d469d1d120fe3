// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package stats

import (
	"context"

	"kami/api/stats/v1"
)

type IStatsV1 interface {
	Cards(ctx context.Context, req *v1.CardsReq) (res *v1.CardsRes, err error)
	Quota(ctx context.Context, req *v1.QuotaReq) (res *v1.QuotaRes, err error)
	Activity(ctx context.Context, req *v1.ActivityReq) (res *v1.ActivityRes, err error)
	Heatmap(ctx context.Context, req *v1.HeatmapReq) (res *v1.HeatmapRes, err error)
	TopAgents(ctx context.Context, req *v1.TopAgentsReq) (res *v1.TopAgentsRes, err error)
	Export(ctx context.Context, req *v1.ExportReq) (res *v1.ExportRes, err error)
}
