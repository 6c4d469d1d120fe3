package logs

import (
	"context"
	"kami/utility/dbx"

	v1 "kami/api/system/v1"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
)

var (
	operationSorts = map[string]string{"createdAt": "created_at", "status": "status", "latencyMs": "latency_ms", "username": "username", "module": "module"}
	loginSorts     = map[string]string{"createdAt": "created_at", "username": "username", "ip": "ip", "result": "result"}
)

// OperationList pages the operation log rows the caller may see.
func (s *sLogs) OperationList(ctx context.Context, req *v1.OperationLogListReq) (*v1.OperationLogListRes, error) {
	m, err := operationQuery(ctx, &req.OperationLogFilter)
	if err != nil {
		return nil, err
	}
	total, err := m.Count()
	if err != nil {
		return nil, err
	}
	if m, err = sorted(m, req.PageReq, operationSorts); err != nil {
		return nil, err
	}
	var rows []entity.OperationLogs
	if err = m.Page(req.Page, req.PageSize).Scan(&rows); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	res := &v1.OperationLogListRes{Items: make([]v1.OperationLogItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, operationItem(r))
	}
	return res, nil
}

// LoginList pages the login log rows the caller may see. Failed attempts on unknown usernames
// carry no user id, so only the super-admin sees them.
func (s *sLogs) LoginList(ctx context.Context, req *v1.LoginLogListReq) (*v1.LoginLogListRes, error) {
	m, err := loginQuery(ctx, &req.LoginLogFilter)
	if err != nil {
		return nil, err
	}
	total, err := m.Count()
	if err != nil {
		return nil, err
	}
	if m, err = sorted(m, req.PageReq, loginSorts); err != nil {
		return nil, err
	}
	var rows []entity.LoginLogs
	if err = m.Page(req.Page, req.PageSize).Scan(&rows); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	res := &v1.LoginLogListRes{Items: make([]v1.LoginLogItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, loginItem(r))
	}
	return res, nil
}

func operationItem(r entity.OperationLogs) v1.OperationLogItem {
	return v1.OperationLogItem{
		ID: r.Id, UserID: r.UserId, Username: r.Username, Module: r.Module, Route: r.Route,
		Method: r.Method, Path: r.Path, Status: r.Status, Code: r.Code, LatencyMs: r.LatencyMs,
		TraceID: r.TraceId, IP: r.Ip, UserAgent: r.UserAgent, Request: r.Request, Error: r.Error,
		CreatedAt: timefmt.Format(r.CreatedAt),
	}
}

func loginItem(r entity.LoginLogs) v1.LoginLogItem {
	return v1.LoginLogItem{
		ID: r.Id, UserID: r.UserId, Username: r.Username, IP: r.Ip, Location: r.Location, UserAgent: r.UserAgent,
		Result: r.Result, Reason: r.Reason, CreatedAt: timefmt.Format(r.CreatedAt),
	}
}
