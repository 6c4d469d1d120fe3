package project

import (
	"context"
	"crypto/ed25519"
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
	p, err := byAppKey(ctx, appKey)
	if err != nil {
		return nil, err
	}
	c := &model.ProjectCredentials{ProjectID: p.Id, AppKey: p.AppKey, Status: p.Status}
	cur, err := keyring.Open(purposeAppSecret, p.AppSecret)
	if err != nil {
		return nil, fmt.Errorf("project %d: app secret: %w", p.Id, err)
	}
	c.Secrets = append(c.Secrets, cur)
	if p.PrevAppSecret != "" && p.PrevSecretUntil != nil && p.PrevSecretUntil.After(s.now()) {
		prev, err := keyring.Open(purposeAppSecret, p.PrevAppSecret)
		if err != nil {
			return nil, fmt.Errorf("project %d: previous app secret: %w", p.Id, err)
		}
		c.Secrets = append(c.Secrets, prev)
	}
	if c.WebhookSecret, err = keyring.Open(purposeWebhook, p.WebhookSecret); err != nil {
		return nil, fmt.Errorf("project %d: webhook secret: %w", p.Id, err)
	}
	rows, err := s.publishedRows(ctx, p.Id)
	if err != nil {
		return nil, err
	}
	for _, k := range rows {
		if k.Status != keyActive {
			continue
		}
		seed, err := keyring.Open(purposeSigningKey, k.PrivateKey)
		if err != nil || len(seed) != ed25519.SeedSize {
			return nil, fmt.Errorf("project %d: signing key %s cannot be opened: %v", p.Id, k.Kid, err)
		}
		c.Kid, c.SigningKey = k.Kid, ed25519.NewKeyFromSeed(seed)
	}
	if c.SigningKey == nil {
		return nil, fmt.Errorf("project %d has no active signing key", p.Id)
	}
	return c, nil
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
