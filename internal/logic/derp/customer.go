package derp

import (
	"context"
	"strings"

	v1 "kami/api/derp/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var customerSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.Users.Columns().Id),
	"email":     listq.Text(dao.Users.Columns().Email),
	"createdAt": listq.Ordinal(dao.Users.Columns().CreatedAt),
})

// CustomerCreate makes an enabled customer under the caller or the distributor named (§5): S
// any distributor or 0 for the platform, AA itself or its subtree, A itself. A staff
// distributor needs an active tier; the platform needs none.
func (s *sDerp) CustomerCreate(ctx context.Context, req *v1.CustomerCreateReq) (*v1.CustomerCreateRes, error) {
	p := principal.From(ctx)
	distID := p.UserID
	if req.DistributorId != nil {
		distID = *req.DistributorId
	}
	parent, err := s.customerParent(ctx, p, distID)
	if err != nil {
		return nil, err
	}
	id, err := service.User().CreateMember(ctx, model.MemberInput{Email: req.Email, Password: req.Password,
		RealName: req.RealName, Remark: strings.TrimSpace(req.Remark), ParentID: parent.Id, ParentPath: parent.Path})
	if err != nil {
		return nil, err
	}
	return s.customerItem(ctx, id)
}

// customerParent is the account a new customer hangs under: the platform (the super-admin)
// for S with 0 or itself, else an agent or agent-admin in the caller's scope with a tier.
func (s *sDerp) customerParent(ctx context.Context, p *principal.Principal, distID int64) (*entity.Users, error) {
	if p.Role == consts.RoleSuperAdmin && (distID == 0 || distID == p.UserID) {
		return userByID(ctx, p.UserID)
	}
	if distID == 0 {
		return nil, errs.NotFound.New() // only S sells as the platform
	}
	u, err := userByID(ctx, distID)
	if err != nil {
		return nil, err
	}
	if err = scope.CheckUser(ctx, u.Id, u.Path); err != nil {
		return nil, err
	}
	if u.Role == consts.RoleSuperAdmin {
		return u, nil
	}
	if ok, err := activeDistributor(ctx, u); err != nil || !ok {
		if err == nil {
			err = errs.DerpNotDistributor.New()
		}
		return nil, err
	}
	return u, nil
}

// activeDistributor says whether u is an enabled agent or agent-admin with an active tier.
func activeDistributor(ctx context.Context, u *entity.Users) (bool, error) {
	if u.Role != consts.RoleAgent && u.Role != consts.RoleAgentAdmin {
		return false, nil
	}
	cols := dao.DerpDistributors.Columns()
	n, err := dao.DerpDistributors.Ctx(ctx).Where(cols.UserId, u.Id).Where(cols.Status, distActive).Count()
	return n > 0, err
}

func userByID(ctx context.Context, id int64) (*entity.Users, error) {
	var u *entity.Users
	if err := dao.Users.Ctx(ctx).WherePri(id).Scan(&u); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if u == nil {
		return nil, errs.NotFound.New()
	}
	return u, nil
}

// CustomerList lists the customers whose distributor (parent) is in the caller's scope.
func (s *sDerp) CustomerList(ctx context.Context, req *v1.CustomerListReq) (*v1.CustomerListRes, error) {
	cols := dao.Users.Columns()
	m := scope.Apply(ctx, dao.Users.Ctx(ctx).Where(cols.Role, consts.RoleMember), cols.ParentId)
	if e := strings.ToLower(strings.TrimSpace(req.Email)); e != "" {
		m = listq.Contains(m, cols.Email, e)
	}
	if req.DistributorId > 0 {
		m = m.Where(cols.ParentId, req.DistributorId)
	}
	rows, total, err := listq.Page[entity.Users](m, req.PageReq, customerSorts)
	if err != nil {
		return nil, err
	}
	out := make([]v1.CustomerItem, 0, len(rows))
	for i := range rows {
		it, err := s.customerItemOf(ctx, &rows[i])
		if err != nil {
			return nil, err
		}
		out = append(out, *it)
	}
	return &v1.CustomerListRes{Items: out, Total: total}, nil
}

// CustomerGet answers one customer in scope; outside it 404, as for none.
func (s *sDerp) CustomerGet(ctx context.Context, req *v1.CustomerGetReq) (*v1.CustomerGetRes, error) {
	cols := dao.Users.Columns()
	var u *entity.Users
	err := scope.Apply(ctx, dao.Users.Ctx(ctx).WherePri(req.Id).Where(cols.Role, consts.RoleMember), cols.ParentId).Scan(&u)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if u == nil {
		return nil, errs.NotFound.New()
	}
	return s.customerItemOf(ctx, u)
}

func (s *sDerp) customerItem(ctx context.Context, id int64) (*v1.CustomerItem, error) {
	u, err := userByID(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.customerItemOf(ctx, u)
}

func (s *sDerp) customerItemOf(ctx context.Context, u *entity.Users) (*v1.CustomerItem, error) {
	it := &v1.CustomerItem{Id: u.Id, Username: u.Username, Email: u.Email, RealName: u.RealName, Status: u.Status,
		DistributorId: u.ParentId, CreatedAt: timefmt.Format(u.CreatedAt)}
	name, err := dao.Users.Ctx(ctx).WherePri(u.ParentId).Value(dao.Users.Columns().Username)
	if err != nil {
		return nil, err
	}
	it.DistributorName = name.String()
	rc := dao.DerpRentals.Columns()
	if it.Rentals.Total, err = dao.DerpRentals.Ctx(ctx).Where(rc.UserId, u.Id).Count(); err != nil {
		return nil, err
	}
	if it.Rentals.Active, err = dao.DerpRentals.Ctx(ctx).Where(rc.UserId, u.Id).Where(rc.State, rentalActive).Count(); err != nil {
		return nil, err
	}
	bal, err := service.Quota().Balance(ctx, u.Id)
	if err != nil {
		return nil, err
	}
	it.Balance = bal.Available
	return it, nil
}
