package logs

import (
	"context"

	v1 "kami/api/system/v1"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
)

// What a client may sort each log by.
var (
	operationSorts = listq.NewSorts("id", map[string]listq.Field{
		"id":        listq.Ordinal(dao.OperationLogs.Columns().Id),
		"createdAt": listq.Ordinal(dao.OperationLogs.Columns().CreatedAt),
		"status":    listq.Ordinal(dao.OperationLogs.Columns().Status),
		"latencyMs": listq.Ordinal(dao.OperationLogs.Columns().LatencyMs),
		"username":  listq.Text(dao.OperationLogs.Columns().Username),
		"module":    listq.Text(dao.OperationLogs.Columns().Module),
	})
	loginSorts = listq.NewSorts("id", map[string]listq.Field{
		"id":        listq.Ordinal(dao.LoginLogs.Columns().Id),
		"createdAt": listq.Ordinal(dao.LoginLogs.Columns().CreatedAt),
		"username":  listq.Text(dao.LoginLogs.Columns().Username),
		"ip":        listq.Text(dao.LoginLogs.Columns().Ip),
		"result":    listq.Ordinal(dao.LoginLogs.Columns().Result),
	})
)

// OperationList pages the operation log rows the caller may see.
func (s *sLogs) OperationList(ctx context.Context, req *v1.OperationLogListReq) (*v1.OperationLogListRes, error) {
	m, err := operationQuery(ctx, &req.OperationLogFilter)
	if err != nil {
		return nil, err
	}
	rows, total, err := listq.Page[entity.OperationLogs](m, req.PageReq, operationSorts)
	if err != nil {
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
	rows, total, err := listq.Page[entity.LoginLogs](m, req.PageReq, loginSorts)
	if err != nil {
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
