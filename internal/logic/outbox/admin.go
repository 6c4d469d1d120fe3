package outbox

import (
	"context"
	"encoding/json"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/system/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/timefmt"
)

// listSorts: id (the default, newest first) and the event's times.
var listSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":            listq.Ordinal(dao.OutboxEvents.Columns().Id),
	"createdAt":     listq.Ordinal(dao.OutboxEvents.Columns().CreatedAt),
	"nextAttemptAt": listq.Ordinal(dao.OutboxEvents.Columns().NextAttemptAt),
	"updatedAt":     listq.Ordinal(dao.OutboxEvents.Columns().UpdatedAt),
})

// List answers events, newest first, filtered by status, topic and ref.
func (s *sOutbox) List(ctx context.Context, req *v1.OutboxListReq) (*v1.OutboxListRes, error) {
	cols := dao.OutboxEvents.Columns()
	m := dao.OutboxEvents.Ctx(ctx).Safe()
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if req.Topic != "" {
		m = m.Where(cols.Topic, req.Topic)
	}
	if req.Ref != "" {
		m = m.Where(cols.Ref, req.Ref)
	}
	rows, total, err := listq.Page[entity.OutboxEvents](m, req.PageReq, listSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.OutboxListRes{Items: make([]v1.OutboxItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, item(r))
	}
	return res, nil
}

func item(r entity.OutboxEvents) v1.OutboxItem {
	var b body
	if json.Unmarshal([]byte(r.Body), &b) != nil || len(b.Data) == 0 {
		b.Data = json.RawMessage("null")
	}
	it := v1.OutboxItem{
		Id: r.EventId, Topic: r.Topic, Type: r.Type, Ref: r.Ref, Status: r.Status,
		Attempts: r.Attempts, RoundAttempts: r.RoundAttempts, MaxAttempts: int(service.Settings().Int(SettingMaxAttempts)),
		LastStatusCode: r.LastStatusCode, LastError: r.LastError, DeliveredAt: timefmt.Format(r.DeliveredAt),
		CreatedAt: timefmt.Format(r.CreatedAt), UpdatedAt: timefmt.Format(r.UpdatedAt), Data: b.Data,
	}
	if r.Status == StatusPending {
		it.NextAttemptAt = timefmt.Format(r.NextAttemptAt)
	}
	return it
}

func find(ctx context.Context, eventID string) (*entity.OutboxEvents, error) {
	var r entity.OutboxEvents
	err := dao.OutboxEvents.Ctx(ctx).Where(dao.OutboxEvents.Columns().EventId, eventID).Scan(&r)
	if err = ignoreNoRows(err); err != nil {
		return nil, err
	}
	if r.Id == 0 {
		return nil, errs.NotFound.New()
	}
	return &r, nil
}

// Deliveries is the attempt log of one event, newest first.
func (s *sOutbox) Deliveries(ctx context.Context, req *v1.OutboxDeliveriesReq) (*v1.OutboxDeliveriesRes, error) {
	if _, err := find(ctx, req.Id); err != nil {
		return nil, err
	}
	cols := dao.OutboxDeliveries.Columns()
	m := dao.OutboxDeliveries.Ctx(ctx).Safe().Where(cols.EventId, req.Id)
	total, err := m.Count()
	if err != nil {
		return nil, err
	}
	var rows []entity.OutboxDeliveries
	if err = m.OrderDesc(cols.Attempt).Page(req.Page, req.PageSize).Scan(&rows); err != nil {
		if err = ignoreNoRows(err); err != nil {
			return nil, err
		}
	}
	res := &v1.OutboxDeliveriesRes{Items: make([]v1.OutboxDeliveryItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.OutboxDeliveryItem{
			Id: r.Id, EventId: r.EventId, Attempt: r.Attempt, Node: r.Node, Url: r.Url, Status: r.Status,
			StatusCode: r.StatusCode, ResponseBody: r.ResponseBody, Error: r.Error, DurationMs: r.DurationMs,
			CreatedAt: timefmt.Format(r.CreatedAt),
		})
	}
	return res, nil
}

// Redeliver makes an event due now with a fresh attempt budget, whatever its state; it keeps
// its id, so a subscriber that had it already can tell. An attempt in flight keeps going, but
// no longer moves the event (its lease is dropped here), so the event is sent again.
func (s *sOutbox) Redeliver(ctx context.Context, req *v1.OutboxRedeliverReq) (*v1.OutboxRedeliverRes, error) {
	cols := dao.OutboxEvents.Columns()
	now := gtime.New(s.now())
	_, err := dao.OutboxEvents.Ctx(ctx).Where(cols.EventId, req.Id).Data(g.Map{
		cols.Status: StatusPending, cols.RoundAttempts: 0, cols.NextAttemptAt: now,
		cols.LeaseOwner: nil, cols.LeaseUntil: nil, cols.UpdatedAt: now,
	}).Update()
	if err != nil {
		return nil, err
	}
	r, err := find(ctx, req.Id) // an UPDATE that changed nothing says 0 rows on MySQL: look
	if err != nil {
		return nil, err
	}
	s.wake()
	return &v1.OutboxRedeliverRes{OutboxItem: item(*r)}, nil
}
