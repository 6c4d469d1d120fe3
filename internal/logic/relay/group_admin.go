package relay

import (
	"context"
	"strconv"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/relay/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

const defaultGroup = "default"

var groupSorts = listq.NewSorts("id", map[string]listq.Field{
	"id": listq.Ordinal("id"), "code": listq.Text("code"), "name": listq.Text("name"), "createdAt": listq.Ordinal("created_at"),
})

// GroupList answers every group to the super-admin, the assignable ones to an agent-admin (what
// it may hand out) and only its own group to an agent.
func (s *sRelay) GroupList(ctx context.Context, req *v1.GroupListReq) (*v1.GroupListRes, error) {
	cols := dao.RelayGroups.Columns()
	m := dao.RelayGroups.Ctx(ctx)
	switch scope.Of(ctx) {
	case scope.All:
	case scope.Subtree:
		m = m.Where(cols.AgentAssignable, 1)
	default:
		own, err := userGroup(ctx, principal.From(ctx).UserID)
		if err != nil {
			return nil, err
		}
		m = m.Where(cols.Code, own)
	}
	if req.Code != "" {
		m = listq.Contains(m, cols.Code, req.Code)
	}
	rows, total, err := listq.Page[entity.RelayGroups](m, req.PageReq, groupSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.GroupListRes{Items: make([]v1.GroupItem, 0, len(rows)), Total: total}
	for i := range rows {
		it, err := groupItem(ctx, &rows[i])
		if err != nil {
			return nil, err
		}
		res.Items = append(res.Items, it)
	}
	return res, nil
}

func (s *sRelay) GroupCreate(ctx context.Context, req *v1.GroupCreateReq) (*v1.GroupCreateRes, error) {
	data, err := s.groupData(&req.GroupFields)
	if err != nil {
		return nil, err
	}
	cols := dao.RelayGroups.Columns()
	data[cols.Code], data[cols.CreatedAt] = req.Code, data[cols.UpdatedAt]
	id, err := dao.RelayGroups.Ctx(ctx).Data(data).InsertAndGetId()
	if dbx.IsUniqueViolation(err) {
		return nil, errs.Duplicate.New()
	}
	if err != nil {
		return nil, err
	}
	return s.afterGroupWrite(ctx, id)
}

func (s *sRelay) GroupUpdate(ctx context.Context, req *v1.GroupUpdateReq) (*v1.GroupUpdateRes, error) {
	if _, err := groupRow(ctx, req.Id); err != nil {
		return nil, err
	}
	data, err := s.groupData(&req.GroupFields)
	if err != nil {
		return nil, err
	}
	if _, err = dao.RelayGroups.Ctx(ctx).Data(data).WherePri(req.Id).Update(); err != nil {
		return nil, err
	}
	return s.afterGroupWrite(ctx, req.Id)
}

// GroupDelete refuses the default group and any group a user or a channel still names.
func (s *sRelay) GroupDelete(ctx context.Context, req *v1.GroupDeleteReq) (*v1.GroupDeleteRes, error) {
	row, err := groupRow(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if row.Code == defaultGroup {
		return nil, errs.GroupInUse.New()
	}
	users, err := dao.RelayUserGroups.Ctx(ctx).Where(dao.RelayUserGroups.Columns().GroupCode, row.Code).Count()
	if err != nil {
		return nil, err
	}
	chans, err := listq.Contains(dao.RelayChannels.Ctx(ctx), dao.RelayChannels.Columns().GroupCodes, strconv.Quote(row.Code)).Count()
	if err != nil {
		return nil, err
	}
	if users > 0 || chans > 0 {
		return nil, errs.GroupInUse.New()
	}
	if _, err = dao.RelayGroups.Ctx(ctx).WherePri(row.Id).Delete(); err != nil {
		return nil, err
	}
	s.invalidate(ctx, "group", row.Id)
	return &v1.GroupDeleteRes{}, nil
}

func (s *sRelay) afterGroupWrite(ctx context.Context, id int64) (*v1.GroupItem, error) {
	s.invalidate(ctx, "group", id)
	row, err := groupRow(ctx, id)
	if err != nil {
		return nil, err
	}
	it, err := groupItem(ctx, row)
	if err != nil {
		return nil, err
	}
	return &it, nil
}

func (s *sRelay) groupData(f *v1.GroupFields) (g.Map, error) {
	r, err := ratio("ratio", f.Ratio, "1")
	if err != nil {
		return nil, err
	}
	assignable := 0
	if f.AgentAssignable {
		assignable = 1
	}
	c := dao.RelayGroups.Columns()
	return g.Map{c.Name: f.Name, c.Ratio: r, c.AgentAssignable: assignable, c.Remark: f.Remark,
		c.UpdatedAt: gtime.NewFromTime(s.now())}, nil
}

func groupRow(ctx context.Context, id int64) (*entity.RelayGroups, error) {
	var row *entity.RelayGroups
	if err := dao.RelayGroups.Ctx(ctx).WherePri(id).Scan(&row); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if row == nil {
		return nil, errs.NotFound.New()
	}
	return row, nil
}

func groupByCode(ctx context.Context, code string) (*entity.RelayGroups, error) {
	var row *entity.RelayGroups
	if err := dao.RelayGroups.Ctx(ctx).Where(dao.RelayGroups.Columns().Code, code).Scan(&row); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	return row, nil
}

func groupItem(ctx context.Context, r *entity.RelayGroups) (v1.GroupItem, error) {
	n, err := dao.RelayUserGroups.Ctx(ctx).Where(dao.RelayUserGroups.Columns().GroupCode, r.Code).Count()
	if err != nil {
		return v1.GroupItem{}, err
	}
	return v1.GroupItem{Id: r.Id, Code: r.Code, Name: r.Name, Ratio: parseDec(r.Ratio, "1").String(),
		AgentAssignable: r.AgentAssignable == 1, Remark: r.Remark, UserCount: n, CreatedAt: timefmt.Ptr(r.CreatedAt)}, nil
}

// userGroup is the user's group code; a user without a row is in default.
func userGroup(ctx context.Context, userID int64) (string, error) {
	v, err := dao.RelayUserGroups.Ctx(ctx).Where(dao.RelayUserGroups.Columns().UserId, userID).
		Value(dao.RelayUserGroups.Columns().GroupCode)
	if err != nil && !dbx.IsNoRows(err) {
		return "", err
	}
	if v == nil || v.IsEmpty() {
		return defaultGroup, nil
	}
	return v.String(), nil
}
