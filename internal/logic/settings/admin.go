package settings

import (
	"context"
	"encoding/json"
	"errors"
	"sort"
	"strings"

	"github.com/gogf/gf/v2/i18n/gi18n"

	v1 "kami/api/system/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/timefmt"
)

// Mask is what a set secret reads as; written back unchanged, it keeps the stored value.
const Mask = "******"

// List answers every setting (or one page's, req.Section), grouped, from this node's snapshot.
func (s *sSettings) List(ctx context.Context, req *v1.SettingsGetReq) (*v1.SettingsGetRes, error) {
	res := v1.SettingsGetRes{}
	for _, g := range s.groups(ctx) {
		if req == nil || req.Section == "" || g.Section == req.Section {
			res = append(res, g)
		}
	}
	return &res, nil
}

func (s *sSettings) groups(ctx context.Context) []v1.SettingGroup {
	out := []v1.SettingGroup{}
	for _, d := range defs() {
		if len(out) == 0 || out[len(out)-1].Group != d.Group {
			section, _ := sectionOf(d.Group)
			out = append(out, v1.SettingGroup{Section: section, SectionTitle: gi18n.T(ctx, "settings.section."+section),
				Group: d.Group, Title: gi18n.T(ctx, "settings.group."+d.Group)})
		}
		g := &out[len(out)-1]
		g.Items = append(g.Items, v1.SettingItem{
			Key: d.Key, Type: string(d.Type), Value: shown(d, s.value(d.Key)), Default: shown(d, d.Default),
			Secret: d.Secret, RestartRequired: d.RestartRequired, Description: gi18n.T(ctx, "setting."+d.Key),
			Min: d.Min, Max: d.Max, Enum: d.Enum,
		})
	}
	bySection(out, func(g v1.SettingGroup) string { return g.Group })
	return out
}

// shown is a value as the API shows it: a secret that is set reads as the mask.
func shown(d *Def, v any) json.RawMessage {
	if d.Secret {
		if s, _ := v.(string); s == "" && d.Type == TypeString {
			return json.RawMessage(`""`)
		}
		b, _ := json.Marshal(Mask)
		return b
	}
	return encode(d.Type, v)
}

// Update validates every value first and writes all of them or none.
func (s *sSettings) Update(ctx context.Context, req *v1.SettingsUpdateReq) (*v1.SettingsUpdateRes, error) {
	keys := make([]string, 0, len(req.Values))
	for k := range req.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var changes []change
	var problems []string
	for _, k := range keys {
		raw := req.Values[k]
		d, ok := lookup(k)
		if !ok {
			problems = append(problems, gi18n.Tf(ctx, "settings.unknown", k))
			continue
		}
		if string(raw) == "null" || len(raw) == 0 {
			changes = append(changes, change{def: d, reset: true})
			continue
		}
		if d.Secret {
			var masked string
			if json.Unmarshal(raw, &masked) == nil && masked == Mask {
				continue // the panel sent back what it was shown: keep the secret
			}
		}
		v, err := decode(d.Type, raw)
		if err == nil {
			err = check(d, v)
		}
		if err != nil {
			problems = append(problems, k+": "+localize(ctx, err))
			continue
		}
		changes = append(changes, change{def: d, value: v})
	}
	if len(problems) > 0 {
		return nil, errs.SettingInvalid.New(strings.Join(problems, "; "))
	}
	if len(changes) > 0 {
		var id int64
		var name string
		if p := principal.From(ctx); p != nil {
			id, name = p.UserID, p.Username
		}
		if err := write(ctx, changes, id, name); err != nil {
			return nil, err
		}
		if err := s.Reload(ctx); err != nil {
			return nil, err // committed, but this node could not read it back: say so
		}
	}
	res := v1.SettingsUpdateRes(s.groups(ctx))
	return &res, nil
}

func localize(ctx context.Context, err error) string {
	var r *ruleError
	if errors.As(err, &r) {
		return gi18n.Tf(ctx, r.key, r.args...)
	}
	return err.Error()
}

// changeSorts is what a client may sort the change history by.
var changeSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.SettingChanges.Columns().Id),
	"key":       listq.Text(dao.SettingChanges.Columns().K),
	"operator":  listq.Text(dao.SettingChanges.Columns().Operator),
	"createdAt": listq.Ordinal(dao.SettingChanges.Columns().CreatedAt),
})

// Changes is the change history, newest first unless asked otherwise.
func (s *sSettings) Changes(ctx context.Context, req *v1.SettingChangesReq) (*v1.SettingChangesRes, error) {
	m := dao.SettingChanges.Ctx(ctx)
	if req.Key != "" {
		m = m.Where(dao.SettingChanges.Columns().K, req.Key)
	}
	rows, total, err := listq.Page[entity.SettingChanges](m, req.PageReq, changeSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.SettingChangesRes{Items: make([]v1.SettingChangeItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.SettingChangeItem{
			Id: r.Id, Key: r.K, OldValue: jsonOrNull(r.OldValue), NewValue: jsonOrNull(r.NewValue),
			OperatorId: r.OperatorId, Operator: r.Operator, CreatedAt: timefmt.Format(r.CreatedAt),
		})
	}
	return res, nil
}

func jsonOrNull(s string) json.RawMessage {
	if s == "" || !json.Valid([]byte(s)) {
		return json.RawMessage("null")
	}
	return json.RawMessage(s)
}
