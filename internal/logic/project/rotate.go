package project

import (
	"context"
	"kami/internal/infra/snapcache"
	"kami/internal/model"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/project/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
	"kami/utility/randkey"
)

// Signing key statuses (project_signing_keys.status).
const (
	keyActive   = "active"
	keyRetiring = "retiring"
	keyRetired  = "retired"
)

func auditInTx(ctx context.Context, tx gdb.TX) error { return service.Middleware().AuditInTx(ctx, tx) }

// RotateSecret issues a new appSecret. The current one stays valid for the grace period
// (projects.secretGrace) as the previous secret; a previous secret still in its grace is
// dropped, so at most two verify at any time.
func (s *sProject) RotateSecret(ctx context.Context, req *v1.SecretRotateReq) (*v1.SecretRotateRes, error) {
	p, err := find(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	secret, err := randkey.Secret("as_")
	if err != nil {
		return nil, err
	}
	sealed, err := keyring.Seal(purposeAppSecret, []byte(secret))
	if err != nil {
		return nil, err
	}
	now := s.now()
	until := now.Add(service.Settings().Duration(SettingSecretGrace))
	if err = s.guardedUpdate(ctx, p, do.Projects{AppSecret: sealed, PrevAppSecret: p.AppSecret,
		PrevSecretUntil: until, SecretRotatedAt: now}); err != nil {
		return nil, err
	}
	return &v1.SecretRotateRes{AppKey: p.AppKey, AppSecret: secret, PrevSecretUntil: timefmt.Ptr(until)}, nil
}

// RotateSigningKey makes a new key the active one. The key it replaces turns retiring and
// stays published until the grace (projects.signingKeyGrace) passes, so a client holding the
// old public key still checks responses signed just before; keys retiring from an earlier
// rotation are retired now (at most two published).
func (s *sProject) RotateSigningKey(ctx context.Context, req *v1.SigningKeyRotateReq) (*v1.SigningKeyRotateRes, error) {
	p, err := find(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	key, err := newSigningKey()
	if err != nil {
		return nil, err
	}
	now := s.now()
	retireAt := now.Add(service.Settings().Duration(SettingSigningKeyGrace))
	cols := dao.ProjectSigningKeys.Columns()
	err = dao.Projects.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		// The project row's version serialises rotations of one project: two racing rotations
		// cannot both leave an active key.
		res, err := dao.Projects.Ctx(ctx).WherePri(p.Id).Where(dao.Projects.Columns().RowVersion, p.RowVersion).
			Data(do.Projects{RowVersion: p.RowVersion + 1, UpdatedAt: now}).Update()
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return errs.Conflict.New()
		}
		if _, err = dao.ProjectSigningKeys.Ctx(ctx).Where(cols.ProjectId, p.Id).Where(cols.Status, keyRetiring).
			Data(do.ProjectSigningKeys{Status: keyRetired, RetiredAt: now}).Update(); err != nil {
			return err
		}
		if _, err = dao.ProjectSigningKeys.Ctx(ctx).Where(cols.ProjectId, p.Id).Where(cols.Status, keyActive).
			Data(do.ProjectSigningKeys{Status: keyRetiring, RetireAt: retireAt}).Update(); err != nil {
			return err
		}
		if _, err = dao.ProjectSigningKeys.Ctx(ctx).Data(do.ProjectSigningKeys{
			ProjectId: p.Id, Kid: key.Kid, PublicKey: key.PublicKey, PrivateKey: key.SealedSeed,
			Status: keyActive, CreatedAt: now,
		}).Insert(); err != nil {
			return err
		}
		return auditInTx(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	snapcache.Changed(ctx, model.SnapProject, p.AppKey)
	keys, err := s.published(ctx, p.Id)
	if err != nil {
		return nil, err
	}
	res := &v1.SigningKeyRotateRes{Keys: keys}
	for _, k := range keys {
		if k.Kid == key.Kid {
			res.Active = k
		}
	}
	return res, nil
}

// publishedRows are the keys /openapi/v1/keys lists: the active one and those retiring whose
// grace has not passed (a passed one reads as retired without a job having to mark it).
func (s *sProject) publishedRows(ctx context.Context, projectID int64) ([]entity.ProjectSigningKeys, error) {
	cols := dao.ProjectSigningKeys.Columns()
	var rows []entity.ProjectSigningKeys
	err := dao.ProjectSigningKeys.Ctx(ctx).Where(cols.ProjectId, projectID).
		Where("("+cols.Status+" = ? OR ("+cols.Status+" = ? AND "+cols.RetireAt+" > ?))", keyActive, keyRetiring, s.now()).
		OrderDesc(cols.Id).Scan(&rows)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	return rows, nil
}

func (s *sProject) published(ctx context.Context, projectID int64) ([]v1.SigningKeyItem, error) {
	rows, err := s.publishedRows(ctx, projectID)
	if err != nil {
		return nil, err
	}
	out := make([]v1.SigningKeyItem, 0, len(rows))
	for i := range rows {
		out = append(out, toKey(&rows[i]))
	}
	return out, nil
}
