package derp

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/peer"
	"kami/internal/logic/derp/acl"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
	"kami/utility/text"
)

// Triggers of derpMap generations written by this part (§6).
const (
	triggerCustomer = "customer"
	triggerAdmin    = "admin"
	triggerOption   = "option"
	triggerAuto32d  = "auto_32d"
)

// MeAclDownload answers the caller's derpMap as a file (§6): the stored canonical JSON, or the
// Headscale YAML rendered from the same placement, with the version, validity and digest
// headers. A lapsed version is regenerated first. Every attempt, refused ones too, writes a
// derp_acl_downloads row under the requested rental id and the caller.
func (s *sDerp) MeAclDownload(ctx context.Context, req *v1.MeAclDownloadReq) (*model.Download, error) {
	u, err := member(ctx)
	if err != nil {
		return nil, err
	}
	format := req.Format
	if format == "" {
		format = "json"
	}
	ip := peer.RequestIP(ctx)
	ua := ""
	if r := g.RequestFromCtx(ctx); r != nil {
		ua = r.UserAgent()
	}
	rec := do.DerpAclDownloads{RentalId: req.Id, UserId: u.Id, Username: u.Username, Ip: ip,
		Geo: text.Truncate(service.Geo().Locate(ctx, ip), 128), MachineCode: req.MachineCode,
		Browser: browserOf(ua), UserAgent: text.Truncate(text.EscapeControl(ua), 512), Format: format,
		CustomerId: 0, DistributorId: 0, Version: 0}
	d, ver, err := s.aclFile(ctx, u, req.Id, format, &rec)
	rec.Result, rec.Reason = "ok", ""
	if err != nil {
		rec.Result, rec.Reason = "denied", reasonOf(err)
	} else {
		rec.Version = ver
	}
	if _, lerr := dao.DerpAclDownloads.Ctx(context.WithoutCancel(ctx)).Data(rec).Insert(); lerr != nil {
		if err == nil {
			return nil, lerr
		}
		g.Log().Warningf(ctx, "derp: logging a refused download of rental %d: %v", req.Id, lerr)
	}
	return d, err
}

// reasonOf is the machine code of a refusal, as the envelope's reason names it.
func reasonOf(err error) string {
	if e, ok := errs.As(err); ok {
		return e.Code().Message()
	}
	return "INTERNAL"
}

// aclFile checks the rental and builds the file; rec learns the rental's owner and distributor.
func (s *sDerp) aclFile(ctx context.Context, u *entity.Users, id int64, format string,
	rec *do.DerpAclDownloads) (*model.Download, int, error) {
	r, err := rentalByID(ctx, id)
	if err != nil {
		return nil, 0, err
	}
	rec.CustomerId, rec.DistributorId = r.UserId, r.DistributorId
	if r.UserId != u.Id {
		return nil, 0, errs.NotFound.New()
	}
	now := s.now()
	if err = serving(r, now); err != nil {
		return nil, 0, err
	}
	a, err := currentAcl(ctx, r.Id)
	if err != nil {
		return nil, 0, err
	}
	if a != nil && !a.ValidUntil.Time.After(now) {
		if err = s.regenerate(ctx, r.Id, triggerAuto32d); err != nil {
			return nil, 0, err
		}
		if a, err = currentAcl(ctx, r.Id); err != nil {
			return nil, 0, err
		}
	}
	if a == nil || a.Body == "" {
		return nil, 0, errs.Provisioning.New()
	}
	body, ctype, ext := []byte(a.Body), "application/json", "json"
	if format == "headscale" {
		p, err := placementOf(ctx, r)
		if err != nil {
			return nil, 0, err
		}
		if body, err = acl.Headscale(p); err != nil {
			return nil, 0, err
		}
		ctype, ext = "application/yaml", "yaml"
	}
	d := &model.Download{Name: fmt.Sprintf("kami-derp-%s-v%d.%s", r.RentalNo, a.Version, ext), ContentType: ctype,
		Header: map[string]string{"X-Kami-Derp-Version": strconv.Itoa(a.Version),
			"X-Kami-Derp-Valid-Until": timefmt.Format(a.ValidUntil), "X-Kami-Derp-Sha256": acl.Sha256(body)},
		WriteTo: func(w io.Writer) error { _, err := w.Write(body); return err }}
	return d, a.Version, nil
}

// serving refuses a rental that does not serve: expired (also past expires_at before the job
// ran, or deregistered), suspended, or without a placed container (provisioning).
func serving(r *entity.DerpRentals, now time.Time) error {
	switch r.State {
	case rentalSuspended:
		return errs.RentalSuspended.New()
	case rentalActive:
		if !r.ExpiresAt.Time.After(now) {
			return errs.RentalExpired.New()
		}
		return nil
	case "pending", "provisioning":
		return errs.Provisioning.New()
	default:
		return errs.RentalExpired.New()
	}
}

func currentAcl(ctx context.Context, rentalID int64) (*entity.DerpAclVersions, error) {
	ac := dao.DerpAclVersions.Columns()
	var a *entity.DerpAclVersions
	if err := dao.DerpAclVersions.Ctx(ctx).Where(ac.RentalId, rentalID).Where(ac.Status, "current").
		OrderDesc(ac.Version).Limit(1).Scan(&a); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	return a, nil
}

// regenerate writes a new version in its own transaction and tells the admission snapshots.
// A rental without a live container has nothing to render: PROVISIONING.
func (s *sDerp) regenerate(ctx context.Context, rentalID int64, trigger string) error {
	cc := dao.DerpContainers.Columns()
	n, err := dao.DerpContainers.Ctx(ctx).Where(cc.RentalId, rentalID).
		WhereNotIn(cc.State, []string{"removed", "abandoned"}).Count()
	if err != nil {
		return err
	}
	if n == 0 {
		return errs.Provisioning.New()
	}
	err = dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		return newAclVersion(ctx, rentalID, trigger, s.now())
	})
	if err != nil {
		return err
	}
	s.invalidateAdmission(ctx, rentalID)
	return nil
}
