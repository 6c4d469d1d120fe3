package derp

import (
	"context"
	"strconv"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// aclTriggerAuto is the trigger of derp.acl_regen's versions (§6).
const aclTriggerAuto = "auto_32d"

// RegenerateLapsedAcls is derp.acl_regen (§6, §10): every active rental whose current derpMap
// is past valid_until gets a new version (trigger auto_32d) from its live containers, one short
// transaction per rental. The version number moves by a guarded UPDATE, so a run racing another
// (or a customer's regenerate) loses cleanly and the rental gets one new version.
func (s *sDerp) RegenerateLapsedAcls(ctx context.Context) (int, error) {
	ac := dao.DerpAclVersions.Columns()
	rc := dao.DerpRentals.Columns()
	now := s.now()
	done := 0
	var last int64
	for {
		ids, err := dao.DerpAclVersions.Ctx(ctx).Fields(ac.RentalId).Where(ac.Status, "current").
			WhereLTE(ac.ValidUntil, gtime.NewFromTime(now)).WhereGT(ac.RentalId, last).
			WhereIn(ac.RentalId, dao.DerpRentals.Ctx(ctx).Fields(rc.Id).Where(rc.State, rentalActive)).
			OrderAsc(ac.RentalId).Limit(jobBatch).Array()
		if err != nil {
			return done, err
		}
		for _, v := range ids {
			last = v.Int64()
			err := dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
				// Read again inside: another run may have renewed it since the scan.
				n, err := dao.DerpAclVersions.Ctx(ctx).Where(ac.RentalId, last).Where(ac.Status, "current").
					WhereLTE(ac.ValidUntil, gtime.NewFromTime(now)).Count()
				if err != nil || n == 0 {
					return err
				}
				if err = newAclVersion(ctx, last, aclTriggerAuto, now); err != nil {
					return err
				}
				done++
				return s.noticeAclUpdated(ctx, tx, last)
			})
			if err != nil && !errs.Is(err, errs.DerpInvalidState) {
				return done, err
			}
		}
		if len(ids) < jobBatch || ctx.Err() != nil {
			return done, ctx.Err()
		}
	}
}

// noticeAclUpdated tells the owner about a new derpMap when its sha differs from the last one
// the customer downloaded (§6): a regeneration over the same placement mails nobody, and one
// never downloaded has nothing to update. Once per (rental, sha).
func (s *sDerp) noticeAclUpdated(ctx context.Context, tx gdb.TX, rentalID int64) error {
	if tx != nil {
		ctx = gdb.WithTX(ctx, tx)
	}
	ac := dao.DerpAclVersions.Columns()
	var cur *entity.DerpAclVersions
	if err := dao.DerpAclVersions.Ctx(ctx).Where(ac.RentalId, rentalID).Where(ac.Status, "current").OrderDesc(ac.Version).
		Limit(1).Scan(&cur); err != nil && !dbx.IsNoRows(err) {
		return err
	}
	if cur == nil {
		return nil
	}
	dc := dao.DerpAclDownloads.Columns()
	v, err := dao.DerpAclDownloads.Ctx(ctx).Fields(dc.Version).Where(dc.RentalId, rentalID).Where(dc.Result, "ok").
		OrderDesc(dc.Id).Limit(1).Value()
	if err != nil && !dbx.IsNoRows(err) {
		return err
	}
	if v.IsEmpty() {
		return nil
	}
	sha, err := dao.DerpAclVersions.Ctx(ctx).Fields(ac.Sha256).Where(ac.RentalId, rentalID).Where(ac.Version, v.Int()).Value()
	if err != nil && !dbx.IsNoRows(err) {
		return err
	}
	if sha.String() == cur.Sha256 {
		return nil
	}
	_, err = s.notice(ctx, tx, toRental(rentalID), "acl_updated", map[string]any{"version": cur.Version},
		"acl_updated:"+strconv.FormatInt(rentalID, 10)+":"+cur.Sha256[:16])
	return err
}
