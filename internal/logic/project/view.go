package project

import (
	"context"
	"encoding/json"

	v1 "kami/api/project/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// isAdmin: the super-admin manages projects; every other role reads active ones only.
func isAdmin(ctx context.Context) bool {
	p := principal.From(ctx)
	return p != nil && p.Role == consts.RoleSuperAdmin
}

// find loads a project row, or 404.
func find(ctx context.Context, id int64) (*entity.Projects, error) {
	var p *entity.Projects
	if err := dao.Projects.Ctx(ctx).WherePri(id).Scan(&p); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if p == nil {
		return nil, errs.NotFound.New()
	}
	return p, nil
}

// visible loads a project the caller may read: any for the super-admin, an active one for the
// others (a disabled project is 404 to them, as if it did not exist).
func visible(ctx context.Context, id int64) (*entity.Projects, error) {
	p, err := find(ctx, id)
	if err != nil {
		return nil, err
	}
	if !isAdmin(ctx) && p.Status != StatusActive {
		return nil, errs.NotFound.New()
	}
	return p, nil
}

func settingsOf(p *entity.Projects) v1.ProjectSettings {
	return v1.ProjectSettings{MaxUnbinds: p.MaxUnbinds, UnbindCooldown: p.UnbindCooldown,
		VerifyAfterAuthEnd: p.VerifyAfterAuthEnd == 1, RatePerApp: p.RatePerApp, RatePerIp: p.RatePerIp}
}

func eventsOf(p *entity.Projects) []string {
	out := []string{}
	_ = json.Unmarshal([]byte(p.CallbackEvents), &out)
	return out
}

// toItem is the one place a projects row becomes API output: the sealed columns never leave,
// and the super-admin's fields are left out for everyone else.
func toItem(ctx context.Context, p *entity.Projects) v1.ProjectItem {
	it := v1.ProjectItem{
		Id: p.Id, Name: p.Name, Description: p.Description, Version: p.Version, Status: p.Status,
		Settings: settingsOf(p), CreatedAt: timefmt.Format(p.CreatedAt), UpdatedAt: timefmt.Format(p.UpdatedAt),
	}
	if isAdmin(ctx) {
		it.AppKey, it.CallbackUrl, it.CallbackEvents = p.AppKey, p.CallbackUrl, eventsOf(p)
		it.SecretRotatedAt = timefmt.Ptr(p.SecretRotatedAt)
		it.PrevSecretUntil = timefmt.Ptr(p.PrevSecretUntil)
	}
	return it
}

func toPlan(p *entity.ProjectPlans) v1.PlanItem {
	return v1.PlanItem{Id: p.Id, ProjectId: p.ProjectId, Name: p.Name, DurationSeconds: p.DurationSeconds,
		Price: p.Price, MaxDevices: p.MaxDevices, Status: p.Status, Sort: p.Sort,
		CreatedAt: timefmt.Format(p.CreatedAt), UpdatedAt: timefmt.Format(p.UpdatedAt)}
}

func toKey(k *entity.ProjectSigningKeys) v1.SigningKeyItem {
	return v1.SigningKeyItem{Kid: k.Kid, Alg: AlgEd25519, PublicKey: k.PublicKey, Status: k.Status,
		RetireAt: timefmt.Ptr(k.RetireAt), CreatedAt: timefmt.Format(k.CreatedAt)}
}
