package proxy

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// instancePasswordPurpose seals the instances' proxy passwords (shown in the detail).
const instancePasswordPurpose = "proxy.instance.password"

// Upstream instance statuses (instance/v2) and their names in the API.
var instanceStatusNames = map[int]string{3: "running", 6: "stopped", 10: "closed", 11: "released"}

func instanceStatusCode(name string) int {
	for k, v := range instanceStatusNames {
		if v == name {
			return k
		}
	}
	return 0
}

var instanceSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.ProxyInstance.Columns().Id),
	"expiresAt": listq.Ordinal(dao.ProxyInstance.Columns().ExpiresAt),
})

func instanceView(in entity.ProxyInstance, detail bool) v1.InstanceView {
	v := v1.InstanceView{InstanceNo: in.InstanceNo, AgentId: in.AgentId, ProductNo: in.ProductNo, Ip: in.Ip,
		Port: in.Port, Protocol: in.Protocol, Username: in.Username, CountryCode: in.CountryCode,
		CityCode: in.CityCode, Status: instanceStatusNames[in.Status], AutoRenew: in.AutoRenew == 1,
		UserId: in.UserId, Remark: in.Remark, Busy: in.BusyOrderId != 0}
	if v.Status == "" {
		v.Status = "unknown"
	}
	if in.ExpiresAt != nil {
		e := timefmt.Format(in.ExpiresAt)
		v.ExpiresAt = &e
	}
	if detail {
		// Rows written before passwords were sealed hold "" and show as "".
		pw, _ := keyring.Open(instancePasswordPurpose, in.Password)
		s := string(pw)
		v.Password = &s
	}
	return v
}

// scopedInstance loads an instance inside the caller's scope (404 outside it).
func scopedInstance(ctx context.Context, instanceNo string) (*entity.ProxyInstance, error) {
	var in *entity.ProxyInstance
	cols := dao.ProxyInstance.Columns()
	err := scope.Apply(ctx, dao.ProxyInstance.Ctx(ctx).Where(cols.InstanceNo, instanceNo), cols.AgentId).Scan(&in)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if in == nil {
		return nil, errs.NotFound.New()
	}
	return in, nil
}

// Instances is GET /api/proxy/instances/list.
func (s *sProxy) Instances(ctx context.Context, req *v1.InstanceListReq) (*v1.InstanceListRes, error) {
	cols := dao.ProxyInstance.Columns()
	m := scope.Apply(ctx, dao.ProxyInstance.Ctx(ctx), cols.AgentId)
	if req.ProductNo != "" {
		m = m.Where(cols.ProductNo, req.ProductNo)
	}
	if req.UserId != 0 {
		m = m.Where(cols.UserId, req.UserId)
	}
	if req.Status != "" {
		m = m.Where(cols.Status, instanceStatusCode(req.Status))
	}
	if req.Keyword != "" {
		m = m.Where(m.Builder().WhereLike(cols.InstanceNo, req.Keyword+"%").WhereOrLike(cols.Ip, req.Keyword+"%"))
	}
	rows, total, err := listq.Page[entity.ProxyInstance](m, req.PageReq, instanceSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.InstanceListRes{Items: make([]v1.InstanceView, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, instanceView(r, false))
	}
	return res, nil
}

// GetInstance is GET /api/proxy/instances/{instanceNo}.
func (s *sProxy) GetInstance(ctx context.Context, req *v1.InstanceGetReq) (*v1.InstanceGetRes, error) {
	in, err := scopedInstance(ctx, req.InstanceNo)
	if err != nil {
		return nil, err
	}
	v := instanceView(*in, true)
	return &v, nil
}

// UpdateInstance is PUT /api/proxy/instances/{instanceNo}: local fields only, version-guarded.
// A proxy user given must belong to the instance's owner.
func (s *sProxy) UpdateInstance(ctx context.Context, req *v1.InstanceUpdateReq) (*v1.InstanceUpdateRes, error) {
	in, err := scopedInstance(ctx, req.InstanceNo)
	if err != nil {
		return nil, err
	}
	d := do.ProxyInstance{Version: gdb.Raw("version+1"), UpdatedAt: gtime.New(s.now())}
	if req.AutoRenew != nil {
		d.AutoRenew = 0
		if *req.AutoRenew {
			d.AutoRenew = 1
		}
	}
	if req.UserId != nil {
		if *req.UserId != 0 {
			u, err := scopedUser(ctx, *req.UserId)
			if err != nil {
				return nil, err
			}
			if u.AgentId != in.AgentId {
				return nil, errs.NotFound.New()
			}
		}
		d.UserId = *req.UserId
	}
	if req.Remark != nil {
		d.Remark = *req.Remark
	}
	cols := dao.ProxyInstance.Columns()
	r, err := dao.ProxyInstance.Ctx(ctx).Where(cols.Id, in.Id).Where(cols.Version, in.Version).Data(d).Update()
	if err != nil {
		return nil, err
	}
	if n, _ := r.RowsAffected(); n != 1 {
		return nil, errs.Conflict.New()
	}
	return s.GetInstance(ctx, &v1.InstanceGetReq{InstanceNo: in.InstanceNo})
}
