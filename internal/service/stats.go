// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/stats/v1"
	"kami/internal/clock"
	"kami/internal/model"
)

type (
	IStats interface {
		// Activity answers logins, operations and the estimated minutes online of the users in scope, per day, ISO week (2026-W49),
		// month (2026-12) or year.
		Activity(ctx context.Context, req *v1.ActivityReq) (*v1.ActivityRes, error)
		// Heatmap answers the activity (logins plus operations) of the users in scope over the period
		// by hour of the day and weekday, as ECharts' heatmap takes it: [hour, weekday, value] triples,
		// weekday 0 = Monday.
		Heatmap(ctx context.Context, req *v1.HeatmapReq) (*v1.HeatmapRes, error)
		// Export answers the report as an .xlsx (the table) or a PDF (the title, a bar chart and the
		// table), both written completely before a byte is sent.
		Export(ctx context.Context, req *v1.ExportReq) (*model.Download, error)
		// Refresh is one run of the stats.refresh job; it answers how many days it recomputed. Runs
		// are serialized by a Redis lock, whoever starts them (the job runs once per schedule, but a
		// manual run or a direct call may overlap a scheduled one): two recomputations of one day
		// would otherwise race their delete and insert.
		Refresh(ctx context.Context) (int, error)
		// Cards answers the cards report.
		Cards(ctx context.Context, req *v1.CardsReq) (*v1.CardsRes, error)
		// Quota answers the quota flows report: a series "<type>.in" and "<type>.out" per entry type.
		Quota(ctx context.Context, req *v1.QuotaReq) (*v1.QuotaRes, error)
		// SetClock is how boot (or a test) hands the service its clock: "today" is measured on it.
		SetClock(c clock.Clock)
		// TopAgents answers the users in scope (agents and agent-admins) ranked by cards created or by
		// quota spent over the period, with the other figures beside.
		TopAgents(ctx context.Context, req *v1.TopAgentsReq) (*v1.TopAgentsRes, error)
	}
)

var (
	localStats IStats
)

func Stats() IStats {
	if localStats == nil {
		panic("implement not found for interface IStats, forgot register?")
	}
	return localStats
}

func RegisterStats(i IStats) {
	localStats = i
}
