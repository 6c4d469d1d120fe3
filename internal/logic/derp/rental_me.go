package derp

import (
	"context"
	"strconv"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// regionIDBase + haIndex is a node's RegionID in the derpMap (§6): 901, 902, 903.
const regionIDBase = 900

var rentalSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.DerpRentals.Columns().Id),
	"expiresAt": listq.Ordinal(dao.DerpRentals.Columns().ExpiresAt),
})

// MeRentalList lists the caller's rentals, deregistered ones too (the history).
func (s *sDerp) MeRentalList(ctx context.Context, req *v1.MeRentalListReq) (*v1.MeRentalListRes, error) {
	u, err := member(ctx)
	if err != nil {
		return nil, err
	}
	m := dao.DerpRentals.Ctx(ctx).Where(dao.DerpRentals.Columns().UserId, u.Id)
	rows, total, err := listq.Page[entity.DerpRentals](m, req.PageReq, rentalSorts)
	if err != nil {
		return nil, err
	}
	out := make([]v1.RentalDetail, 0, len(rows))
	for i := range rows {
		d, err := s.detailOf(ctx, &rows[i])
		if err != nil {
			return nil, err
		}
		out = append(out, *d)
	}
	return &v1.MeRentalListRes{Items: out, Total: total}, nil
}

// MeRentalGet answers one of the caller's rentals; another customer's id is 404.
func (s *sDerp) MeRentalGet(ctx context.Context, req *v1.MeRentalGetReq) (*v1.MeRentalGetRes, error) {
	r, err := myRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return s.detailOf(ctx, r)
}

func rentalByID(ctx context.Context, id int64) (*entity.DerpRentals, error) {
	var r *entity.DerpRentals
	if err := dao.DerpRentals.Ctx(ctx).WherePri(id).Scan(&r); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if r == nil {
		return nil, errs.NotFound.New()
	}
	return r, nil
}

func (s *sDerp) rentalDetail(ctx context.Context, id int64) (*v1.RentalDetail, error) {
	r, err := rentalByID(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.detailOf(ctx, r)
}

// detailOf renders §5's rental detail: the nodes as the derpMap names them, the live containers
// only (removed and abandoned ones are history).
func (s *sDerp) detailOf(ctx context.Context, r *entity.DerpRentals) (*v1.RentalDetail, error) {
	d := &v1.RentalDetail{Id: r.Id, RentalNo: r.RentalNo, State: r.State, SuspendReason: r.SuspendReason, PlanId: r.PlanId,
		StartedAt: timefmt.Format(r.StartedAt), ExpiresAt: timefmt.Format(r.ExpiresAt), MaxDevices: r.MaxDevices,
		OmitDefaultRegions: r.OmitDefaultRegions == 1, PlacementDegraded: r.PlacementDegraded == 1, AutoRenew: r.AutoRenew == 1,
		Traffic: v1.RentalTraffic{QuotaBytes: r.TrafficQuotaBytes, UsedBytes: r.TrafficUsedBytes}, Nodes: []v1.RentalNode{}}
	if p, err := planByID(ctx, r.PlanId); err == nil {
		d.PlanName = p.Name
	}
	if left := r.ExpiresAt.Time.Sub(s.now()); left > 0 {
		d.DaysLeft = int((left + 24*time.Hour - 1) / (24 * time.Hour))
	}
	if r.TrafficQuotaBytes > 0 {
		rem := max(r.TrafficQuotaBytes-r.TrafficUsedBytes, 0)
		d.Traffic.RemainingBytes = &rem
	}
	cc := dao.DerpContainers.Columns()
	var cs []entity.DerpContainers
	if err := dao.DerpContainers.Ctx(ctx).Where(cc.RentalId, r.Id).WhereNotIn(cc.State, []string{"removed", "abandoned"}).
		OrderAsc(cc.HaIndex).Scan(&cs); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, c := range cs {
		var srv *entity.DerpServers
		if err := dao.DerpServers.Ctx(ctx).WherePri(c.ServerId).Scan(&srv); err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
		n := v1.RentalNode{HaIndex: c.HaIndex, RegionId: regionIDBase + c.HaIndex, Port: c.Port, State: c.State}
		if srv != nil {
			ha := strconv.Itoa(c.HaIndex)
			n.RegionCode, n.RegionName, n.Host = srv.Region+"-"+ha, srv.RegionName+" "+ha, srv.PublicIpv4
		}
		d.Nodes = append(d.Nodes, n)
	}
	ac := dao.DerpAclVersions.Columns()
	var a *entity.DerpAclVersions
	if err := dao.DerpAclVersions.Ctx(ctx).Where(ac.RentalId, r.Id).Where(ac.Status, "current").
		OrderDesc(ac.Version).Limit(1).Scan(&a); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if a != nil {
		d.Acl = &v1.RentalAcl{Version: a.Version, GeneratedAt: timefmt.Format(a.GeneratedAt),
			ValidUntil: timefmt.Format(a.ValidUntil), Sha256: a.Sha256, Downloadable: r.State == rentalActive}
	}
	return d, nil
}
