package settings

import (
	"context"
	"encoding/json"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
	"github.com/gogf/gf/v2/util/guid"

	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// versionKey names the settings row every node polls; each write sets it to a new value.
const versionKey = "settings.version"

// sealPurpose keys the cipher of secret values.
const sealPurpose = "settings"

func readVersion(ctx context.Context) (string, error) {
	v, err := dao.Settings.Ctx(ctx).Where(dao.Settings.Columns().K, versionKey).Value(dao.Settings.Columns().V)
	if err != nil {
		return "", err
	}
	return v.String(), nil
}

// load reads the stored values of every defined setting; a missing row means the default, and
// a row that no longer parses (a definition changed type) falls back to the default, loudly.
func load(ctx context.Context) (*snapshot, error) {
	version, err := readVersion(ctx)
	if err != nil {
		return nil, err
	}
	var rows []entity.Settings
	if err = dao.Settings.Ctx(ctx).Scan(&rows); err != nil {
		return nil, err
	}
	stored := make(map[string]string, len(rows))
	for _, r := range rows {
		stored[r.K] = r.V
	}
	snap := &snapshot{version: version, values: map[string]any{}}
	for _, d := range defs() {
		snap.values[d.Key] = d.Default
		text, ok := stored[d.Key]
		if !ok {
			continue
		}
		v, err := unstore(d, text)
		if err != nil {
			g.Log().Errorf(ctx, "settings: stored %s is unusable (%v); using the default", d.Key, err)
			continue
		}
		snap.values[d.Key] = v
	}
	return snap, nil
}

// store is the column text of a value: its JSON, sealed for a secret.
func store(d *Def, v any) (string, error) {
	raw := encode(d.Type, v)
	if !d.Secret {
		return string(raw), nil
	}
	return keyring.Seal(sealPurpose+"/"+d.Key, raw)
}

func unstore(d *Def, text string) (any, error) {
	raw := []byte(text)
	if d.Secret {
		var err error
		if raw, err = keyring.Open(sealPurpose+"/"+d.Key, text); err != nil {
			return nil, err
		}
	}
	v, err := decode(d.Type, raw)
	if err != nil {
		return nil, err
	}
	if err = check(d, v); err != nil {
		return nil, err
	}
	return v, nil
}

// change is one validated write: value nil means back to the default (the row is deleted).
type change struct {
	def   *Def
	value any
	reset bool
}

// write stores the changes and their change-log rows in one transaction that starts by bumping
// the version row, which serializes writers across nodes (its row lock on MySQL, the write lock
// on SQLite) so old values in the log are what the previous writer committed.
func write(ctx context.Context, changes []change, operatorID int64, operator string) error {
	cols := dao.Settings.Columns()
	if _, err := dao.Settings.Ctx(ctx).Data(do.Settings{K: versionKey, V: ""}).InsertIgnore(); err != nil {
		return err
	}
	return g.DB().Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		now := gtime.Now()
		if _, err := dao.Settings.Ctx(ctx).Data(do.Settings{V: guid.S(), UpdatedAt: now}).Where(cols.K, versionKey).Update(); err != nil {
			return err
		}
		for _, c := range changes {
			var old entity.Settings
			if err := dao.Settings.Ctx(ctx).Where(cols.K, c.def.Key).Scan(&old); err != nil && !dbx.IsNoRows(err) {
				return err
			}
			had := old.K != ""
			oldValue := any(nil)
			if had {
				if v, err := unstore(c.def, old.V); err == nil {
					oldValue = v
				}
			}
			if (c.reset && !had) || (!c.reset && had && oldValue != nil && equal(c.def.Type, oldValue, c.value)) {
				continue // nothing changes: no row, no log entry
			}
			switch {
			case c.reset:
				if _, err := dao.Settings.Ctx(ctx).Where(cols.K, c.def.Key).Delete(); err != nil {
					return err
				}
			default:
				text, err := store(c.def, c.value)
				if err != nil {
					return err
				}
				if had {
					_, err = dao.Settings.Ctx(ctx).Data(do.Settings{V: text, UpdatedAt: now}).Where(cols.K, c.def.Key).Update()
				} else {
					_, err = dao.Settings.Ctx(ctx).Data(do.Settings{K: c.def.Key, V: text, UpdatedAt: now}).Insert()
				}
				if err != nil {
					return err
				}
			}
			entry := do.SettingChanges{K: c.def.Key, OperatorId: operatorID, Operator: operator, CreatedAt: now}
			if had {
				entry.OldValue = logged(c.def, oldValue)
			}
			if !c.reset {
				entry.NewValue = logged(c.def, c.value)
			}
			if _, err := dao.SettingChanges.Ctx(ctx).Data(entry).Insert(); err != nil {
				return err
			}
		}
		return nil
	})
}

// logged is a value as the change log keeps it: JSON, a secret only as the mask.
func logged(d *Def, v any) string {
	if d.Secret {
		b, _ := json.Marshal(Mask)
		return string(b)
	}
	if v == nil {
		return "null"
	}
	return string(encode(d.Type, v))
}
