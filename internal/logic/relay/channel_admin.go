package relay

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/relay/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var channelSorts = listq.NewSorts("id", map[string]listq.Field{
	"id": listq.Ordinal("id"), "name": listq.Text("name"), "priority": listq.Ordinal("priority"),
	"weight": listq.Ordinal("weight"), "status": listq.Ordinal("status"), "createdAt": listq.Ordinal("created_at"),
	"responseTimeMs": listq.Ordinal("response_time_ms"),
})

// ChannelList answers the channels (super-admin only, by the catalog). models and group_codes
// are JSON arrays of strings, so a quoted name matches one element exactly.
func (s *sRelay) ChannelList(ctx context.Context, req *v1.ChannelListReq) (*v1.ChannelListRes, error) {
	cols := dao.RelayChannels.Columns()
	m := dao.RelayChannels.Ctx(ctx)
	if req.Name != "" {
		m = listq.Contains(m, cols.Name, req.Name)
	}
	if req.Status != nil {
		m = m.Where(cols.Status, *req.Status)
	}
	if req.Group != "" {
		m = listq.Contains(m, cols.GroupCodes, strconv.Quote(req.Group))
	}
	if req.Model != "" {
		m = listq.Contains(m, cols.Models, strconv.Quote(req.Model))
	}
	rows, total, err := listq.Page[entity.RelayChannels](m, req.PageReq, channelSorts)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.Id)
	}
	keys, err := channelKeys(ctx, ids...)
	if err != nil {
		return nil, err
	}
	res := &v1.ChannelListRes{Items: make([]v1.ChannelItem, 0, len(rows)), Total: total}
	for i := range rows {
		res.Items = append(res.Items, s.withCooling(channelItem(&rows[i], keys[rows[i].Id])))
	}
	return res, nil
}

func (s *sRelay) ChannelGet(ctx context.Context, req *v1.ChannelGetReq) (*v1.ChannelGetRes, error) {
	return s.channelAnswer(ctx, req.Id)
}

// ChannelCreate adds a channel and its keys, each sealed under the channel-key subkey, in one
// transaction with its "created" event.
func (s *sRelay) ChannelCreate(ctx context.Context, req *v1.ChannelCreateReq) (*v1.ChannelCreateRes, error) {
	data, err := s.channelData(ctx, &req.ChannelFields)
	if err != nil {
		return nil, err
	}
	keys, err := cleanKeys(req.Keys)
	if err != nil {
		return nil, err
	}
	now := gtime.NewFromTime(s.now())
	cols := dao.RelayChannels.Columns()
	data[cols.Status], data[cols.Version], data[cols.CreatedAt], data[cols.StatusChangedAt] = statusEnabled, 1, now, now
	var id int64
	err = dao.RelayChannels.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if id, err = dao.RelayChannels.Ctx(ctx).TX(tx).Data(data).InsertAndGetId(); err != nil {
			return err
		}
		if err = insertKeys(ctx, tx, id, keys, now); err != nil {
			return err
		}
		return s.channelEvent(ctx, tx, id, 0, "created", "", now)
	})
	if err != nil {
		return nil, err
	}
	return s.afterChannelWrite(ctx, id)
}

// ChannelUpdate replaces the editable fields when version is the stored one; the conditional
// UPDATE bumps it, so of two editors holding the same version only the first wins.
func (s *sRelay) ChannelUpdate(ctx context.Context, req *v1.ChannelUpdateReq) (*v1.ChannelUpdateRes, error) {
	if _, err := channelRow(ctx, req.Id); err != nil {
		return nil, err
	}
	data, err := s.channelData(ctx, &req.ChannelFields)
	if err != nil {
		return nil, err
	}
	now := gtime.NewFromTime(s.now())
	cols := dao.RelayChannels.Columns()
	data[cols.Version] = gdb.Raw(cols.Version + " + 1")
	err = dao.RelayChannels.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		res, err := dao.RelayChannels.Ctx(ctx).TX(tx).Data(data).WherePri(req.Id).Where(cols.Version, req.Version).Update()
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return errs.Conflict.New()
		}
		return s.channelEvent(ctx, tx, req.Id, 0, "updated", "", now)
	})
	if err != nil {
		return nil, err
	}
	return s.afterChannelWrite(ctx, req.Id)
}

// ChannelDelete removes the channel and its keys; its events and logs stay for the record.
func (s *sRelay) ChannelDelete(ctx context.Context, req *v1.ChannelDeleteReq) (*v1.ChannelDeleteRes, error) {
	row, err := channelRow(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	now := gtime.NewFromTime(s.now())
	err = dao.RelayChannels.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if _, err := dao.RelayChannelKeys.Ctx(ctx).TX(tx).Where(dao.RelayChannelKeys.Columns().ChannelId, row.Id).Delete(); err != nil {
			return err
		}
		if _, err := dao.RelayChannels.Ctx(ctx).TX(tx).WherePri(row.Id).Delete(); err != nil {
			return err
		}
		return s.channelEvent(ctx, tx, row.Id, 0, "deleted", row.Name, now)
	})
	if err != nil {
		return nil, err
	}
	s.invalidate(ctx, "channel", row.Id)
	return &v1.ChannelDeleteRes{}, nil
}

// channelEvent records a write with the operator who made it.
func (s *sRelay) channelEvent(ctx context.Context, tx gdb.TX, channelID, keyID int64, kind, reason string, at *gtime.Time) error {
	var op int64
	if p := principal.From(ctx); p != nil {
		op = p.UserID
	}
	_, err := dao.RelayChannelEvents.Ctx(ctx).TX(tx).Data(g.Map{
		dao.RelayChannelEvents.Columns().ChannelId: channelID, dao.RelayChannelEvents.Columns().KeyId: keyID,
		dao.RelayChannelEvents.Columns().Kind: kind, dao.RelayChannelEvents.Columns().Reason: truncate(reason, 512),
		dao.RelayChannelEvents.Columns().OperatorId: op, dao.RelayChannelEvents.Columns().CreatedAt: at}).Insert()
	return err
}

func (s *sRelay) afterChannelWrite(ctx context.Context, id int64) (*v1.ChannelItem, error) {
	s.invalidate(ctx, "channel", id)
	return s.channelAnswer(ctx, id)
}

func (s *sRelay) channelAnswer(ctx context.Context, id int64) (*v1.ChannelItem, error) {
	row, err := channelRow(ctx, id)
	if err != nil {
		return nil, err
	}
	keys, err := channelKeys(ctx, id)
	if err != nil {
		return nil, err
	}
	it := s.withCooling(channelItem(row, keys[id]))
	return &it, nil
}

func channelRow(ctx context.Context, id int64) (*entity.RelayChannels, error) {
	var row *entity.RelayChannels
	if err := dao.RelayChannels.Ctx(ctx).WherePri(id).Scan(&row); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if row == nil {
		return nil, errs.NotFound.New()
	}
	return row, nil
}

// channelKeys loads the keys of the channels, by channel, without their secrets.
func channelKeys(ctx context.Context, ids ...int64) (map[int64][]entity.RelayChannelKeys, error) {
	out := map[int64][]entity.RelayChannelKeys{}
	if len(ids) == 0 {
		return out, nil
	}
	kc := dao.RelayChannelKeys.Columns()
	var keys []entity.RelayChannelKeys
	if err := dao.RelayChannelKeys.Ctx(ctx).Fields(kc.Id, kc.ChannelId, kc.Hint, kc.Status, kc.StatusReason).
		WhereIn(kc.ChannelId, ids).OrderAsc(kc.Id).Scan(&keys); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, k := range keys {
		out[k.ChannelId] = append(out[k.ChannelId], k)
	}
	return out, nil
}

func channelItem(r *entity.RelayChannels, keys []entity.RelayChannelKeys) v1.ChannelItem {
	it := v1.ChannelItem{Id: r.Id, Name: r.Name, Type: r.Type, BaseUrl: r.BaseUrl, Models: []string{},
		ModelMapping: map[string]string{}, Groups: []string{}, Priority: r.Priority, Weight: r.Weight,
		AutoBan: r.AutoBan == 1, TestModel: r.TestModel, FirstByteTimeoutS: r.FirstByteTimeoutS,
		IdleTimeoutS: r.IdleTimeoutS, Remark: r.Remark, Status: r.Status, StatusReason: r.StatusReason,
		StatusChangedAt: timefmt.Ptr(r.StatusChangedAt), Keys: make([]v1.ChannelKeyItem, 0, len(keys)),
		ResponseTimeMs: r.ResponseTimeMs, TestedAt: timefmt.Ptr(r.TestedAt), Version: r.Version,
		CreatedAt: timefmt.Ptr(r.CreatedAt)}
	_ = json.Unmarshal([]byte(r.Models), &it.Models)
	_ = json.Unmarshal([]byte(r.ModelMapping), &it.ModelMapping)
	_ = json.Unmarshal([]byte(r.GroupCodes), &it.Groups)
	for _, k := range keys {
		it.Keys = append(it.Keys, v1.ChannelKeyItem{Id: k.Id, Hint: k.Hint, Status: k.Status, StatusReason: k.StatusReason})
	}
	return it
}

// withCooling adds this node's cooling state of the channel (memory, per node; null when the
// channel has no trip on record here).
func (s *sRelay) withCooling(it v1.ChannelItem) v1.ChannelItem {
	if until, trips, ok := s.cool.view(it.Id, s.now()); ok {
		it.Cooling = &v1.ChannelCooling{Trips: trips}
		if until != nil {
			u := timefmt.Time(*until)
			it.Cooling.Until = &u
		}
	}
	return it
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
