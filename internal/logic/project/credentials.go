package project

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// Find is a project row for other modules (authorizations, batches), or 404. Its sealed
// columns stay sealed: Credentials is the one way to open them.
func (s *sProject) Find(ctx context.Context, id int64) (*entity.Projects, error) {
	return find(ctx, id)
}

// byAppKey loads the project an OpenAPI call names, or 404.
func byAppKey(ctx context.Context, appKey string) (*entity.Projects, error) {
	var p *entity.Projects
	if err := dao.Projects.Ctx(ctx).Where(dao.Projects.Columns().AppKey, appKey).Scan(&p); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if p == nil {
		return nil, errs.NotFound.New()
	}
	return p, nil
}

// Credentials opens what the OpenAPI checks a request of appKey with and signs its answer
// with: the secrets valid now (the previous one only inside its grace), the webhook secret and
// the active signing key. 404 for an unknown appKey; a disabled project is answered with its
// status, the caller decides.
func (s *sProject) Credentials(ctx context.Context, appKey string) (*model.ProjectCredentials, error) {
	snap, err := s.Snapshot(ctx, appKey)
	if err != nil {
		return nil, err
	}
	o, err := s.OpenSnapshot(snap)
	if err != nil {
		return nil, err
	}
	c := &model.ProjectCredentials{ProjectID: snap.ID, AppKey: snap.AppKey, Status: snap.Status,
		Secrets: [][]byte{o.AppSecret}, WebhookSecret: o.WebhookSecret, Kid: snap.Kid, SigningKey: o.SigningKey}
	if o.PrevAppSecret != nil && snap.PrevSecretUntil > s.now().Unix() {
		c.Secrets = append(c.Secrets, o.PrevAppSecret)
	}
	return c, nil
}

// Snapshot is what the OpenAPI caches of the project of appKey, secrets sealed; 404 for an
// unknown appKey.
func (s *sProject) Snapshot(ctx context.Context, appKey string) (*model.ProjectSnapshot, error) {
	p, err := byAppKey(ctx, appKey)
	if err != nil {
		return nil, err
	}
	snap := &model.ProjectSnapshot{ID: p.Id, AppKey: p.AppKey, Name: p.Name, Status: p.Status,
		AppSecret: p.AppSecret, PrevAppSecret: p.PrevAppSecret, WebhookSecret: p.WebhookSecret,
		CallbackURL: p.CallbackUrl, MaxUnbinds: p.MaxUnbinds, UnbindCooldown: p.UnbindCooldown,
		VerifyAfterAuthEnd: p.VerifyAfterAuthEnd == 1, RatePerApp: p.RatePerApp, RatePerIP: p.RatePerIp,
		RowVersion: p.RowVersion}
	if p.PrevSecretUntil != nil {
		snap.PrevSecretUntil = p.PrevSecretUntil.Unix()
	}
	_ = json.Unmarshal([]byte(p.CallbackEvents), &snap.CallbackEvents)
	rows, err := s.publishedRows(ctx, p.Id)
	if err != nil {
		return nil, err
	}
	for _, k := range rows {
		if k.Status == keyActive {
			snap.Kid, snap.SigningKey = k.Kid, k.PrivateKey
		}
	}
	if snap.Kid == "" {
		return nil, fmt.Errorf("project %d has no active signing key", p.Id)
	}
	return snap, nil
}

// OpenSnapshot opens a snapshot's sealed secrets.
func (s *sProject) OpenSnapshot(snap *model.ProjectSnapshot) (*model.OpenedProject, error) {
	o := &model.OpenedProject{}
	var err error
	if o.AppSecret, err = keyring.Open(purposeAppSecret, snap.AppSecret); err != nil {
		return nil, fmt.Errorf("project %d: app secret: %w", snap.ID, err)
	}
	if snap.PrevAppSecret != "" {
		if o.PrevAppSecret, err = keyring.Open(purposeAppSecret, snap.PrevAppSecret); err != nil {
			return nil, fmt.Errorf("project %d: previous app secret: %w", snap.ID, err)
		}
	}
	if o.WebhookSecret, err = keyring.Open(purposeWebhook, snap.WebhookSecret); err != nil {
		return nil, fmt.Errorf("project %d: webhook secret: %w", snap.ID, err)
	}
	seed, err := keyring.Open(purposeSigningKey, snap.SigningKey)
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("project %d: signing key %s cannot be opened: %v", snap.ID, snap.Kid, err)
	}
	o.SigningKey = ed25519.NewKeyFromSeed(seed)
	return o, nil
}

// PublicKeys are the response-signing keys published for appKey, newest first; 404 for an
// unknown appKey.
func (s *sProject) PublicKeys(ctx context.Context, appKey string) ([]model.ProjectPublicKey, error) {
	p, err := byAppKey(ctx, appKey)
	if err != nil {
		return nil, err
	}
	rows, err := s.publishedRows(ctx, p.Id)
	if err != nil {
		return nil, err
	}
	out := make([]model.ProjectPublicKey, 0, len(rows))
	for _, k := range rows {
		pk := model.ProjectPublicKey{Kid: k.Kid, PublicKey: k.PublicKey, Status: k.Status}
		if k.RetireAt != nil {
			t := k.RetireAt.Time
			pk.RetireAt = &t
		}
		out = append(out, pk)
	}
	return out, nil
}

// Names maps project ids to their names, for other modules' lists.
func (s *sProject) Names(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	cols := dao.Projects.Columns()
	var rows []entity.Projects
	if err := dao.Projects.Ctx(ctx).Fields(cols.Id, cols.Name).WhereIn(cols.Id, ids).Scan(&rows); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, p := range rows {
		out[p.Id] = p.Name
	}
	return out, nil
}
