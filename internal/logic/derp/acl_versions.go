package derp

import (
	"context"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
)

// customerRegenPerDay bounds a customer's own regenerations of one rental (§5), over a rolling
// 24 hours.
const customerRegenPerDay = 3

func versionItem(a *entity.DerpAclVersions) v1.AclVersionItem {
	return v1.AclVersionItem{Version: a.Version, GeneratedAt: timefmt.Format(a.GeneratedAt),
		ValidUntil: timefmt.Format(a.ValidUntil), Trigger: a.GenTrigger, Sha256: a.Sha256, Status: a.Status}
}

// MeAclVersions lists the rental's derpMap versions, newest first.
func (s *sDerp) MeAclVersions(ctx context.Context, req *v1.MeAclVersionsReq) (*v1.MeAclVersionsRes, error) {
	r, err := myRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	ac := dao.DerpAclVersions.Columns()
	var vs []entity.DerpAclVersions
	if err = dao.DerpAclVersions.Ctx(ctx).Fields(ac.Version, ac.GeneratedAt, ac.ValidUntil, ac.GenTrigger, ac.Sha256,
		ac.Status).Where(ac.RentalId, r.Id).OrderDesc(ac.Version).Scan(&vs); err != nil {
		return nil, err
	}
	out := make([]v1.AclVersionItem, 0, len(vs))
	for i := range vs {
		out = append(out, versionItem(&vs[i]))
	}
	return &v1.MeAclVersionsRes{Items: out, Total: len(out)}, nil
}

// MeAclRegenerate writes a new version of a serving rental, at most 3 per rolling day per
// rental (429 RATE_LIMITED with Retry-After beyond).
func (s *sDerp) MeAclRegenerate(ctx context.Context, req *v1.MeAclRegenerateReq) (*v1.MeAclRegenerateRes, error) {
	r, err := myRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	now := s.now()
	if err = serving(r, now); err != nil {
		return nil, err
	}
	ac := dao.DerpAclVersions.Columns()
	var recent []entity.DerpAclVersions
	if err = dao.DerpAclVersions.Ctx(ctx).Fields(ac.GeneratedAt).Where(ac.RentalId, r.Id).
		Where(ac.GenTrigger, triggerCustomer).WhereGT(ac.GeneratedAt, gtime.NewFromTime(now.Add(-24*time.Hour))).
		OrderAsc(ac.GeneratedAt).Scan(&recent); err != nil {
		return nil, err
	}
	if len(recent) >= customerRegenPerDay {
		secs := max(int(recent[0].GeneratedAt.Time.Add(24*time.Hour).Sub(now).Seconds()), 1)
		if hr := g.RequestFromCtx(ctx); hr != nil {
			hr.Response.Header().Set("Retry-After", strconv.Itoa(secs))
		}
		return nil, errs.RateLimited.New(secs)
	}
	if err = s.regenerate(ctx, r.Id, triggerCustomer); err != nil {
		return nil, err
	}
	a, err := currentAcl(ctx, r.Id)
	if err != nil || a == nil {
		return nil, errs.Provisioning.New()
	}
	it := versionItem(a)
	return &it, nil
}

// MeRentalUpdate changes the rental's options; a changed omitDefaultRegions is a new derpMap
// version in the same transaction (an unchanged one writes nothing).
func (s *sDerp) MeRentalUpdate(ctx context.Context, req *v1.MeRentalUpdateReq) (*v1.MeRentalUpdateRes, error) {
	r, err := myLiveRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	want := 0
	if *req.OmitDefaultRegions {
		want = 1
	}
	if r.OmitDefaultRegions != want {
		err = dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			rc := dao.DerpRentals.Columns()
			n, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{OmitDefaultRegions: want}).WherePri(r.Id).
				Where(rc.OmitDefaultRegions, r.OmitDefaultRegions).UpdateAndGetAffected()
			if err != nil {
				return err
			}
			if n != 1 {
				return errs.DerpInvalidState.New()
			}
			return newAclVersion(ctx, r.Id, triggerOption, s.now())
		})
		if err != nil {
			return nil, err
		}
		s.invalidateAdmission(ctx, r.Id)
	}
	return s.rentalDetail(ctx, r.Id)
}
