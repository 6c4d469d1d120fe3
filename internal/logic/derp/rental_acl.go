package derp

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/peer"
	"kami/internal/logic/derp/acl"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/utility/dbx"
	"kami/utility/text"
)

// aclValidity is how long a generated derpMap is valid before derp.acl_regen renews it (§6).
const aclValidity = 32 * 24 * time.Hour

// newAclVersion renders the rental's derpMap from its live containers and records it as the
// next version (acl_version+1, valid 32 d), superseding the current one, inside the caller's
// transaction. The rental's acl_version moves by a guarded UPDATE so two generations racing
// cannot both claim the same number.
func newAclVersion(ctx context.Context, rentalID int64, trigger string, now time.Time) error {
	r, err := rentalByID(ctx, rentalID)
	if err != nil {
		return err
	}
	p, err := placementOf(ctx, r)
	if err != nil {
		return err
	}
	body, err := acl.JSON(p)
	if err != nil {
		return err
	}
	rc := dao.DerpRentals.Columns()
	n, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{AclVersion: r.AclVersion + 1}).WherePri(r.Id).
		Where(rc.AclVersion, r.AclVersion).UpdateAndGetAffected()
	if err != nil {
		return err
	}
	if n != 1 {
		return errs.DerpInvalidState.New()
	}
	ac := dao.DerpAclVersions.Columns()
	if _, err = dao.DerpAclVersions.Ctx(ctx).Data(do.DerpAclVersions{Status: "superseded"}).Where(ac.RentalId, r.Id).
		Where(ac.Status, "current").Update(); err != nil {
		return err
	}
	return insertAclVersion(ctx, r.Id, r.AclVersion+1, body, trigger, now)
}

// firstAclVersion is version 1 of a rental started in this transaction (inserted at
// acl_version 1), rendered from what placement wrote: nothing to read back or supersede, one
// INSERT while the activation holds its server rows.
func firstAclVersion(ctx context.Context, rentalID int64, ps []placed, now time.Time) error {
	p := acl.Placement{OmitDefaultRegions: true}
	for i := range ps {
		p.Nodes = append(p.Nodes, nodeOf(ps[i].HA, ps[i].Port, &ps[i].Srv))
	}
	body, err := acl.JSON(p)
	if err != nil {
		return err
	}
	return insertAclVersion(ctx, rentalID, 1, body, periodActivate, now)
}

// insertAclVersion records body as the rental's current version, valid 32 d, with who made it.
func insertAclVersion(ctx context.Context, rentalID int64, version int, body []byte, trigger string, now time.Time) error {
	row := do.DerpAclVersions{RentalId: rentalID, Version: version, Sha256: acl.Sha256(body), Body: string(body),
		GeneratedAt: gtime.NewFromTime(now), ValidUntil: gtime.NewFromTime(now.Add(aclValidity)), GenTrigger: trigger,
		Status: "current"}
	if pr := principal.From(ctx); pr != nil {
		row.ActorId = pr.UserID
		// Who generated it and from where (§5: an admin regenerate logs the IP and geo).
		if ip := peer.RequestIP(ctx); ip != "" {
			row.ActorIp, row.ActorGeo = ip, text.Truncate(service.Geo().Locate(ctx, ip), 128)
		}
	}
	_, err := dao.DerpAclVersions.Ctx(ctx).Data(row).Insert()
	return err
}

// placementOf is what the rental's derpMap is made of: its live containers (removed and
// abandoned ones are history) on their servers, in haIndex order.
func placementOf(ctx context.Context, r *entity.DerpRentals) (acl.Placement, error) {
	cc := dao.DerpContainers.Columns()
	var cs []entity.DerpContainers
	// A container being replaced (desired removed) is no longer in the map: its successor is.
	if err := dao.DerpContainers.Ctx(ctx).Where(cc.RentalId, r.Id).WhereNotIn(cc.State, []string{"removed", "abandoned"}).
		WhereNot(cc.Desired, "removed").OrderAsc(cc.HaIndex).Scan(&cs); err != nil && !dbx.IsNoRows(err) {
		return acl.Placement{}, err
	}
	p := acl.Placement{OmitDefaultRegions: r.OmitDefaultRegions == 1}
	for _, c := range cs {
		var srv *entity.DerpServers
		if err := dao.DerpServers.Ctx(ctx).WherePri(c.ServerId).Scan(&srv); err != nil && !dbx.IsNoRows(err) {
			return acl.Placement{}, err
		}
		if srv == nil {
			continue
		}
		p.Nodes = append(p.Nodes, nodeOf(c.HaIndex, c.Port, srv))
	}
	return p, nil
}

// nodeOf is the derpMap node of a container at port on srv.
func nodeOf(ha, port int, srv *entity.DerpServers) acl.Node {
	return acl.Node{HAIndex: ha, Region: srv.Region, RegionName: srv.RegionName, IPv4: srv.PublicIpv4,
		IPv6: srv.PublicIpv6, CertPin: srv.CertPin, Port: port}
}
