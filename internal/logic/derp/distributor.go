package derp

import (
	"context"
	"crypto/rand"

	v1 "kami/api/derp/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

const (
	distActive  = "active"
	distRemoved = "removed"
	// crockford is the Crockford base32 alphabet (no I, L, O, U): codes read aloud survive.
	crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
)

var distributorSorts = listq.NewSorts("userId", map[string]listq.Field{
	"userId": listq.Ordinal(dao.DerpDistributors.Columns().UserId),
	"tier":   listq.Text(dao.DerpDistributors.Columns().Tier),
})

// randomCode returns n Crockford base32 symbols from crypto/rand (32 divides 256: no bias).
func randomCode(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	for i := range b {
		b[i] = crockford[b[i]&31]
	}
	return string(b)
}

// DistributorSet gives an agent or agent-admin a tier. A returning distributor keeps its invite
// code, so links its customers already hold stay valid.
func (s *sDerp) DistributorSet(ctx context.Context, req *v1.DistributorSetReq) (*v1.DistributorSetRes, error) {
	var u *entity.Users
	if err := dao.Users.Ctx(ctx).WherePri(req.UserId).Scan(&u); err != nil {
		return nil, err
	}
	if u == nil {
		return nil, errs.NotFound.New()
	}
	if u.Role != consts.RoleAgent && u.Role != consts.RoleAgentAdmin {
		return nil, errs.Conflict.New()
	}
	cols := dao.DerpDistributors.Columns()
	n, err := dao.DerpDistributors.Ctx(ctx).Data(do.DerpDistributors{Tier: req.Tier, Status: distActive}).
		Where(cols.UserId, u.Id).UpdateAndGetAffected()
	if err != nil {
		return nil, err
	}
	// A MySQL UPDATE that changes nothing reports 0 rows, so the existence check is a read.
	exists := n == 1
	if !exists {
		c, err := dao.DerpDistributors.Ctx(ctx).Where(cols.UserId, u.Id).Count()
		if err != nil {
			return nil, err
		}
		exists = c > 0
	}
	for attempt := 0; !exists; attempt++ {
		_, err := dao.DerpDistributors.Ctx(ctx).Data(do.DerpDistributors{UserId: u.Id, Tier: req.Tier,
			InviteCode: randomCode(8), Status: distActive}).Insert()
		switch {
		case err == nil:
			exists = true
		case dbx.IsUniqueViolation(err) && attempt < 5:
			// Another PUT for the same user won, or (1 in 2^40) the code collided: read or retry.
			c, cerr := dao.DerpDistributors.Ctx(ctx).Where(cols.UserId, u.Id).Count()
			if cerr != nil {
				return nil, cerr
			}
			exists = c > 0
		default:
			return nil, err
		}
	}
	item, err := s.distributorItem(ctx, u.Id)
	if err != nil {
		return nil, err
	}
	return item, nil
}

// DistributorDelete stops new purchases; the row stays so the invite code is never reissued.
func (s *sDerp) DistributorDelete(ctx context.Context, req *v1.DistributorDeleteReq) (*v1.DistributorDeleteRes, error) {
	cols := dao.DerpDistributors.Columns()
	n, err := dao.DerpDistributors.Ctx(ctx).Data(do.DerpDistributors{Status: distRemoved}).
		Where(cols.UserId, req.UserId).Where(cols.Status, distActive).UpdateAndGetAffected()
	if err != nil {
		return nil, err
	}
	if n != 1 {
		return nil, errs.NotFound.New()
	}
	return &v1.DistributorDeleteRes{}, nil
}

// DistributorList lists the active distributors.
func (s *sDerp) DistributorList(ctx context.Context, req *v1.DistributorListReq) (*v1.DistributorListRes, error) {
	cols := dao.DerpDistributors.Columns()
	m := dao.DerpDistributors.Ctx(ctx).Where(cols.Status, distActive)
	if req.Tier != "" {
		m = m.Where(cols.Tier, req.Tier)
	}
	rows, total, err := listq.Page[entity.DerpDistributors](m, req.PageReq, distributorSorts)
	if err != nil {
		return nil, err
	}
	out := make([]v1.DistributorItem, 0, len(rows))
	for _, r := range rows {
		it, err := s.distributorItem(ctx, r.UserId)
		if err != nil {
			return nil, err
		}
		out = append(out, *it)
	}
	return &v1.DistributorListRes{Items: out, Total: total}, nil
}

func (s *sDerp) distributorItem(ctx context.Context, userID int64) (*v1.DistributorItem, error) {
	var d *entity.DerpDistributors
	if err := dao.DerpDistributors.Ctx(ctx).Where(dao.DerpDistributors.Columns().UserId, userID).Scan(&d); err != nil {
		return nil, err
	}
	if d == nil {
		return nil, errs.NotFound.New()
	}
	var u *entity.Users
	if err := dao.Users.Ctx(ctx).WherePri(userID).Scan(&u); err != nil {
		return nil, err
	}
	t, err := tierByCode(ctx, d.Tier)
	if err != nil {
		return nil, err
	}
	item := &v1.DistributorItem{UserId: d.UserId, Tier: d.Tier, DiscountBps: t.DiscountBps,
		CommissionBps: t.CommissionBps, InviteCode: d.InviteCode}
	if u != nil {
		item.Username, item.Role = u.Username, u.Role
	}
	return item, nil
}
