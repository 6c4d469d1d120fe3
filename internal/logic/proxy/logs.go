package proxy

import (
	"context"

	v1 "kami/api/proxy/v1"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
)

var (
	syncLogSorts     = listq.NewSorts("id", map[string]listq.Field{"id": listq.Ordinal(dao.ProxySyncLog.Columns().Id)})
	callbackLogSorts = listq.NewSorts("id", map[string]listq.Field{"id": listq.Ordinal(dao.ProxyCallbackLog.Columns().Id)})
	callLogSorts     = listq.NewSorts("id", map[string]listq.Field{"id": listq.Ordinal(dao.ProxyCallLog.Columns().Id),
		"ms": listq.Ordinal(dao.ProxyCallLog.Columns().Ms)})
)

// SyncLogs is GET /api/proxy/sync-logs/list (the route is the super-admin's only).
func (s *sProxy) SyncLogs(ctx context.Context, req *v1.SyncLogListReq) (*v1.SyncLogListRes, error) {
	cols := dao.ProxySyncLog.Columns()
	m := dao.ProxySyncLog.Ctx(ctx)
	if req.Job != "" {
		m = m.Where(cols.Job, req.Job)
	}
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	rows, total, err := listq.Page[entity.ProxySyncLog](m, req.PageReq, syncLogSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.SyncLogListRes{Items: make([]v1.SyncLogItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.SyncLogItem{Id: r.Id, Job: r.Job, Status: r.Status, Counts: r.Counts,
			Error: r.Error, StartedAt: timefmt.Ptr(r.StartedAt), FinishedAt: timefmt.Ptr(r.FinishedAt)})
	}
	return res, nil
}

// CallbackLogs is GET /api/proxy/callback-logs/list.
func (s *sProxy) CallbackLogs(ctx context.Context, req *v1.CallbackLogListReq) (*v1.CallbackLogListRes, error) {
	cols := dao.ProxyCallbackLog.Columns()
	m := dao.ProxyCallbackLog.Ctx(ctx)
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if req.RefNo != "" {
		m = m.Where(cols.RefNo, req.RefNo)
	}
	rows, total, err := listq.Page[entity.ProxyCallbackLog](m, req.PageReq, callbackLogSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.CallbackLogListRes{Items: make([]v1.CallbackLogItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.CallbackLogItem{Id: r.Id, Type: r.Type, RefNo: r.RefNo, Op: r.Op, Ip: r.Ip,
			Query: r.Query, Status: r.Status, Attempts: r.Attempts, LastError: r.LastError,
			CreatedAt: timefmt.Ptr(r.CreatedAt), ProcessedAt: timefmt.Ptr(r.ProcessedAt)})
	}
	return res, nil
}

// CallLogs is GET /api/proxy/call-logs/list.
func (s *sProxy) CallLogs(ctx context.Context, req *v1.CallLogListReq) (*v1.CallLogListRes, error) {
	cols := dao.ProxyCallLog.Columns()
	m := dao.ProxyCallLog.Ctx(ctx)
	if req.Path != "" {
		m = m.Where(cols.Path, req.Path)
	}
	if req.AppOrderNo != "" {
		m = m.Where(cols.AppOrderNo, req.AppOrderNo)
	}
	rows, total, err := listq.Page[entity.ProxyCallLog](m, req.PageReq, callLogSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.CallLogListRes{Items: make([]v1.CallLogItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.CallLogItem{Id: r.Id, Path: r.Path, ReqId: r.ReqId, AppOrderNo: r.AppOrderNo,
			Ms: r.Ms, HttpStatus: r.HttpStatus, Code: r.Code, Msg: r.Msg, CreatedAt: timefmt.Ptr(r.CreatedAt)})
	}
	return res, nil
}
