package project

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/project/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/utility/dbx"
)

// Defaults of a new project's settings (the migration's column defaults, stated once more
// here because the insert names every column).
var defaultSettings = v1.ProjectSettings{MaxUnbinds: 3, UnbindCooldown: 3600, VerifyAfterAuthEnd: true,
	RatePerApp: 12000, RatePerIp: 1200}

// maxPlans bounds the plans one create carries (a price list, not a catalogue).
const maxPlans = 50

// Create stores a project with its plans, credentials and first signing key in one
// transaction, and answers the secrets this once: only their sealed copies are kept.
func (s *sProject) Create(ctx context.Context, req *v1.ProjectCreateReq) (*v1.ProjectCreateRes, error) {
	if len(req.Plans) == 0 || len(req.Plans) > maxPlans {
		return nil, errs.InvalidInput.Msg("plans: 1 to 50 plans")
	}
	seen := map[string]bool{}
	for _, p := range req.Plans {
		name := strings.TrimSpace(p.Name)
		if name == "" {
			return nil, errs.InvalidInput.Msg("plans: a plan needs a name")
		}
		if seen[name] {
			return nil, errs.Duplicate.New(name)
		}
		seen[name] = true
	}
	name := strings.TrimSpace(req.Name)
	if name == "" {
		return nil, errs.InvalidInput.Msg("name is required")
	}
	cred, err := newCredentials()
	if err != nil {
		return nil, err
	}
	key, err := newSigningKey()
	if err != nil {
		return nil, err
	}
	set := applySettings(defaultSettings, req.Settings)
	events, _ := json.Marshal(uniqueEvents(req.CallbackEvents))
	now := s.now()
	var id int64
	err = dao.Projects.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		var err error
		id, err = dao.Projects.Ctx(ctx).Data(do.Projects{
			Name: name, Description: req.Description, Version: req.Version, Status: StatusActive,
			AppKey: cred.AppKey, AppSecret: cred.SealedSecret, WebhookSecret: cred.SealedWebhook,
			CallbackUrl: req.CallbackUrl, CallbackEvents: string(events),
			MaxUnbinds: set.MaxUnbinds, UnbindCooldown: set.UnbindCooldown, VerifyAfterAuthEnd: boolInt(set.VerifyAfterAuthEnd),
			RatePerApp: set.RatePerApp, RatePerIp: set.RatePerIp, RowVersion: 0,
			CreatedBy: principal.From(ctx).UserID, CreatedAt: now, UpdatedAt: now,
		}).InsertAndGetId()
		if err != nil {
			return err
		}
		for i, p := range req.Plans {
			sort := p.Sort
			if sort == 0 {
				sort = i + 1
			}
			if _, err = dao.ProjectPlans.Ctx(ctx).Data(do.ProjectPlans{
				ProjectId: id, Name: strings.TrimSpace(p.Name), DurationSeconds: p.DurationSeconds, Price: p.Price,
				MaxDevices: p.MaxDevices, Status: StatusActive, Sort: sort, CreatedAt: now, UpdatedAt: now,
			}).Insert(); err != nil {
				return err
			}
		}
		if _, err = dao.ProjectSigningKeys.Ctx(ctx).Data(do.ProjectSigningKeys{
			ProjectId: id, Kid: key.Kid, PublicKey: key.PublicKey, PrivateKey: key.SealedSeed,
			Status: keyActive, CreatedAt: now,
		}).Insert(); err != nil {
			return err
		}
		// The credentials exist from this transaction on: its audit row commits with it.
		return service.Middleware().AuditInTx(ctx, tx)
	})
	if dbx.IsUniqueViolation(err) {
		return nil, errs.Duplicate.Wrap(err, name)
	}
	if err != nil {
		return nil, err
	}
	p, err := find(ctx, id)
	if err != nil {
		return nil, err
	}
	plans, err := plansOf(ctx, id, false)
	if err != nil {
		return nil, err
	}
	var k *entity.ProjectSigningKeys
	if err = dao.ProjectSigningKeys.Ctx(ctx).Where(dao.ProjectSigningKeys.Columns().Kid, key.Kid).Scan(&k); err != nil {
		return nil, err
	}
	return &v1.ProjectCreateRes{ProjectItem: toItem(ctx, p), AppSecret: cred.AppSecret, WebhookSecret: cred.WebhookSecret,
		Plans: plans, SigningKey: toKey(k)}, nil
}

// applySettings returns base with the fields in changes set.
func applySettings(base v1.ProjectSettings, changes *v1.ProjectSettingsInput) v1.ProjectSettings {
	if changes == nil {
		return base
	}
	if changes.MaxUnbinds != nil {
		base.MaxUnbinds = *changes.MaxUnbinds
	}
	if changes.UnbindCooldown != nil {
		base.UnbindCooldown = *changes.UnbindCooldown
	}
	if changes.VerifyAfterAuthEnd != nil {
		base.VerifyAfterAuthEnd = *changes.VerifyAfterAuthEnd
	}
	if changes.RatePerApp != nil {
		base.RatePerApp = *changes.RatePerApp
	}
	if changes.RatePerIp != nil {
		base.RatePerIp = *changes.RatePerIp
	}
	return base
}

// uniqueEvents keeps the first of each event name, in the order given (never null).
func uniqueEvents(in []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, e := range in {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
