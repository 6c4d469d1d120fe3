package derp

import (
	"context"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/internal/timefmt"
)

var (
	generationSorts = listq.NewSorts("id", map[string]listq.Field{
		"id": listq.Ordinal(dao.DerpAclVersions.Columns().Id),
	})
	downloadSorts = listq.NewSorts("id", map[string]listq.Field{
		"id": listq.Ordinal(dao.DerpAclDownloads.Columns().Id),
	})
)

func generationItem(a *entity.DerpAclVersions) v1.AclGenerationItem {
	return v1.AclGenerationItem{Id: a.Id, RentalId: a.RentalId, Version: a.Version, Sha256: a.Sha256,
		GeneratedAt: timefmt.Format(a.GeneratedAt), ValidUntil: timefmt.Format(a.ValidUntil), Trigger: a.GenTrigger,
		ActorId: optID(a.ActorId), ActorIp: a.ActorIp, ActorGeo: a.ActorGeo, Status: a.Status}
}

// AclGenerationList is the generation log of the rentals in the caller's scope (§2), never
// the bodies.
func (s *sDerp) AclGenerationList(ctx context.Context, req *v1.AclGenerationListReq) (*v1.AclGenerationListRes, error) {
	rc, ac := dao.DerpRentals.Columns(), dao.DerpAclVersions.Columns()
	rentals := scope.Apply(ctx, dao.DerpRentals.Ctx(ctx).Fields(rc.Id), rc.DistributorId)
	if req.CustomerId > 0 {
		rentals = rentals.Where(rc.UserId, req.CustomerId)
	}
	m := dao.DerpAclVersions.Ctx(ctx).FieldsEx(ac.Body).WhereIn(ac.RentalId, rentals)
	if req.RentalId > 0 {
		m = m.Where(ac.RentalId, req.RentalId)
	}
	if req.Trigger != "" {
		m = m.Where(ac.GenTrigger, req.Trigger)
	}
	rows, total, err := listq.Page[entity.DerpAclVersions](m, req.PageReq, generationSorts)
	if err != nil {
		return nil, err
	}
	out := make([]v1.AclGenerationItem, 0, len(rows))
	for i := range rows {
		out = append(out, generationItem(&rows[i]))
	}
	return &v1.AclGenerationListRes{Items: out, Total: total}, nil
}

// AclDownloadList lists the download attempts of the rentals in scope, by the rental's
// distributor as recorded with the attempt.
func (s *sDerp) AclDownloadList(ctx context.Context, req *v1.AclDownloadListReq) (*v1.AclDownloadListRes, error) {
	dc := dao.DerpAclDownloads.Columns()
	m := scope.Apply(ctx, dao.DerpAclDownloads.Ctx(ctx), dc.DistributorId)
	if req.RentalId > 0 {
		m = m.Where(dc.RentalId, req.RentalId)
	}
	if req.CustomerId > 0 {
		m = m.Where(dc.CustomerId, req.CustomerId)
	}
	if req.Result != "" {
		m = m.Where(dc.Result, req.Result)
	}
	for _, b := range []struct {
		v  string
		gt bool
	}{{req.From, true}, {req.To, false}} {
		if b.v == "" {
			continue
		}
		t, err := timefmt.Parse(b.v)
		if err != nil || t == nil {
			return nil, errs.InvalidInput.New()
		}
		if b.gt {
			m = m.WhereGTE(dc.CreatedAt, t)
		} else {
			m = m.WhereLT(dc.CreatedAt, t)
		}
	}
	rows, total, err := listq.Page[entity.DerpAclDownloads](m, req.PageReq, downloadSorts)
	if err != nil {
		return nil, err
	}
	out := make([]v1.AclDownloadItem, 0, len(rows))
	for _, d := range rows {
		out = append(out, v1.AclDownloadItem{Id: d.Id, RentalId: d.RentalId, CustomerId: d.CustomerId, UserId: d.UserId,
			Username: d.Username, Version: d.Version, Ip: d.Ip, Geo: d.Geo, MachineCode: d.MachineCode, Browser: d.Browser,
			UserAgent: d.UserAgent, Format: d.Format, Result: d.Result, Reason: d.Reason, CreatedAt: timefmt.Format(d.CreatedAt)})
	}
	return &v1.AclDownloadListRes{Items: out, Total: total}, nil
}

// RentalAclRegenerate writes a new version for a rental in scope (S, AA), recording the admin,
// its IP and geo on the version; the rental must be serving.
func (s *sDerp) RentalAclRegenerate(ctx context.Context, req *v1.RentalAclRegenerateReq) (*v1.RentalAclRegenerateRes, error) {
	r, err := scopedRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if err = serving(r, s.now()); err != nil {
		return nil, err
	}
	if err = s.regenerate(ctx, r.Id, triggerAdmin); err != nil {
		return nil, err
	}
	a, err := currentAcl(ctx, r.Id)
	if err != nil || a == nil {
		return nil, errs.Provisioning.New()
	}
	it := generationItem(a)
	return &it, nil
}
