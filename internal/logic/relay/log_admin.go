package relay

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/relay/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	infradb "kami/internal/infra/db"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var logSorts = listq.NewSorts("id", map[string]listq.Field{
	"id": listq.Ordinal("id"), "createdAt": listq.Ordinal("created_at"), "quota": listq.Ordinal("quota"),
	"latencyMs": listq.Ordinal("latency_ms"),
})

// LogList answers the relay requests of the caller's scope (all, subtree, own). Only the
// super-admin filters by channel and sees the channel fields: which upstream served a request
// is the operator's business.
func (s *sRelay) LogList(ctx context.Context, req *v1.LogListReq) (*v1.LogListRes, error) {
	m, err := logQuery(ctx, &req.LogFilter)
	if err != nil {
		return nil, err
	}
	rows, total, err := listq.Page[entity.RelayLogs](m, req.PageReq, logSorts)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.UserId)
	}
	names, err := namesOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	full := scope.Of(ctx) == scope.All
	res := &v1.LogListRes{Items: make([]v1.LogItem, 0, len(rows)), Total: total}
	for i := range rows {
		res.Items = append(res.Items, logItem(&rows[i], names[rows[i].UserId], full))
	}
	return res, nil
}

func logQuery(ctx context.Context, f *v1.LogFilter) (*gdb.Model, error) {
	cols := dao.RelayLogs.Columns()
	// Lists and exports may lag a little: they read from the replica when one is configured.
	m := scope.Apply(ctx, dao.RelayLogs.Ctx(ctx).DB(infradb.Reads()), cols.UserId)
	if f.UserId > 0 {
		m = m.Where(cols.UserId, f.UserId)
	}
	if f.TokenId > 0 {
		m = m.Where(cols.TokenId, f.TokenId)
	}
	if f.ChannelId > 0 && scope.Of(ctx) == scope.All {
		m = m.Where(cols.ChannelId, f.ChannelId)
	}
	if f.Model != "" {
		m = m.Where(cols.Model, f.Model)
	}
	if f.Status != "" {
		m = m.Where(cols.Status, f.Status)
	}
	if f.IsStream != nil {
		v := 0
		if *f.IsStream {
			v = 1
		}
		m = m.Where(cols.IsStream, v)
	}
	if f.RequestId != "" {
		m = m.Where(cols.RequestId, f.RequestId)
	}
	m, err := listq.TimeRange(m, cols.CreatedAt, f.StartTime, f.EndTime)
	if err != nil {
		return nil, errs.TimeInvalid.New("startTime/endTime")
	}
	return m, nil
}

func namesOf(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var users []entity.Users
	if err := dao.Users.Ctx(ctx).Fields(dao.Users.Columns().Id, dao.Users.Columns().Username).
		WhereIn(dao.Users.Columns().Id, ids).Scan(&users); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, u := range users {
		out[u.Id] = u.Username
	}
	return out, nil
}

func logItem(r *entity.RelayLogs, username string, full bool) v1.LogItem {
	it := v1.LogItem{RequestId: r.RequestId, CreatedAt: timefmt.Ptr(r.CreatedAt), UserId: r.UserId, Username: username,
		TokenId: r.TokenId, TokenName: r.TokenName, Group: r.GroupCode, Model: r.Model, IsStream: r.IsStream == 1,
		Status: r.Status, HttpStatus: r.HttpStatus, ErrorCode: r.ErrorCode, PromptTokens: r.PromptTokens,
		CompletionTokens: r.CompletionTokens, CachedTokens: r.CachedTokens, UsageSource: r.UsageSource,
		ModelRatio: parseDec(r.ModelRatio, "0").String(), CompletionRatio: parseDec(r.CompletionRatio, "1").String(),
		CacheRatio: parseDec(r.CacheRatio, "1").String(), GroupRatio: parseDec(r.GroupRatio, "1").String(),
		ModelPrice: parseDec(r.ModelPrice, "0").String(), PreQuota: r.PreQuota, Quota: r.Quota,
		Uncollected: r.Uncollected, SettleState: r.SettleState, TtfbMs: r.TtfbMs, LatencyMs: r.LatencyMs,
		ClientIp: r.ClientIp}
	if full {
		it.ChannelId, it.ChannelName, it.KeyId, it.UpstreamModel = &r.ChannelId, &r.ChannelName, &r.KeyId, &r.UpstreamModel
		it.Attempts, it.ErrorMessage, it.NodeId = &r.Attempts, &r.ErrorMessage, &r.NodeId
	}
	return it
}
