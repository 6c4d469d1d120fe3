package relay

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/i18n/gi18n"

	v1 "kami/api/relay/v1"
	"kami/internal/config"
	"kami/internal/exportfile"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/internal/timefmt"
)

// logExportColumns are the sheet's columns, each titled by "relay.col.<name>"; the channel
// columns are appended for the super-admin only, as in the list.
var (
	logExportColumns = []string{"id", "time", "requestId", "userId", "username", "tokenId", "tokenName", "group",
		"model", "isStream", "status", "httpStatus", "errorCode", "promptTokens", "completionTokens", "cachedTokens",
		"preQuota", "quota", "uncollected", "settleState", "ttfbMs", "latencyMs", "clientIp"}
	logExportChannelColumns = []string{"channelId", "channelName", "keyId", "upstreamModel", "attempts", "errorMessage", "nodeId"}
)

// Configure hands the service the configuration (the export cap).
func (s *sRelay) Configure(cfg func() *config.Config) { s.cfg.Store(&cfg) }

func (s *sRelay) exportLimit() int {
	if f := s.cfg.Load(); f != nil {
		return (*f)().ExportMaxRows
	}
	return 0
}

// LogExport prepares every relay log of the filter and the caller's scope (not one page) as an
// .xlsx download: the same query as the list, capped at kami.exportMaxRows, read newest first
// in keyset batches (exportfile.Keyset).
func (s *sRelay) LogExport(ctx context.Context, req *v1.LogExportReq) (*model.Download, error) {
	m, err := logQuery(ctx, &req.LogFilter)
	if err != nil {
		return nil, err
	}
	full := scope.Of(ctx) == scope.All
	cols := logExportColumns
	if full {
		cols = append(append([]string{}, cols...), logExportChannelColumns...)
	}
	titles := make([]any, len(cols))
	for i, c := range cols {
		titles[i] = gi18n.T(ctx, "relay.col."+c)
	}
	name := fmt.Sprintf("relay-logs-%s.xlsx", s.now().In(timefmt.Zone()).Format("20060102-150405"))
	return exportfile.Keyset(ctx, m, s.exportLimit(), titles, name, func(batch gdb.Result, emit func([]any) error) error {
		var rows []entity.RelayLogs
		if err := batch.Structs(&rows); err != nil {
			return err
		}
		ids := make([]int64, 0, len(rows))
		for _, r := range rows {
			ids = append(ids, r.UserId)
		}
		names, err := namesOf(ctx, ids)
		if err != nil {
			return err
		}
		for _, r := range rows {
			vals := []any{r.Id, timefmt.Format(r.CreatedAt), r.RequestId, r.UserId, names[r.UserId], r.TokenId,
				r.TokenName, r.GroupCode, r.Model, r.IsStream == 1, r.Status, r.HttpStatus, r.ErrorCode, r.PromptTokens,
				r.CompletionTokens, r.CachedTokens, r.PreQuota, r.Quota, r.Uncollected, r.SettleState, r.TtfbMs,
				r.LatencyMs, r.ClientIp}
			if full {
				vals = append(vals, r.ChannelId, r.ChannelName, r.KeyId, r.UpstreamModel, r.Attempts, r.ErrorMessage, r.NodeId)
			}
			if err := emit(vals); err != nil {
				return err
			}
		}
		return nil
	})
}
