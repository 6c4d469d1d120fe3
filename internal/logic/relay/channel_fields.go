package relay

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/relay/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/model/do"
)

// channelData validates the editable fields into column values: an absolute http(s) base URL,
// priced models, mapping keys among the models, existing groups. A map, not the do struct, so
// zero values (priority 0, weight 0, autoBan off) are written too.
func (s *sRelay) channelData(ctx context.Context, f *v1.ChannelFields) (g.Map, error) {
	base, err := cleanBaseURL(f.BaseUrl)
	if err != nil {
		return nil, err
	}
	models := cleanList(f.Models)
	if len(models) == 0 {
		return nil, errs.InvalidInput.Msg("models: at least one model")
	}
	if err = requirePriced(ctx, models); err != nil {
		return nil, err
	}
	inModels := map[string]bool{}
	for _, m := range models {
		inModels[m] = true
	}
	mapping := map[string]string{}
	for k, v := range f.ModelMapping {
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !inModels[k] || v == "" || len(v) > 128 {
			return nil, errs.ModelMappingInvalid.New()
		}
		mapping[k] = v
	}
	groups := cleanList(f.Groups)
	if len(groups) == 0 {
		groups = []string{"default"}
	}
	if err = requireGroups(ctx, groups); err != nil {
		return nil, err
	}
	testModel := strings.TrimSpace(f.TestModel)
	if testModel != "" && !inModels[testModel] {
		return nil, errs.InvalidInput.Msg("testModel: one of the channel's models")
	}
	weight, autoBan := 1, 1
	if f.Weight != nil {
		weight = *f.Weight
	}
	if f.AutoBan != nil && !*f.AutoBan {
		autoBan = 0
	}
	typ := f.Type
	if typ == "" {
		typ = "openai"
	}
	c := dao.RelayChannels.Columns()
	return g.Map{c.Name: strings.TrimSpace(f.Name), c.Type: typ, c.BaseUrl: base, c.Models: jsonList(models),
		c.ModelMapping: jsonMap(mapping), c.GroupCodes: jsonList(groups), c.Priority: f.Priority, c.Weight: weight,
		c.AutoBan: autoBan, c.TestModel: testModel, c.FirstByteTimeoutS: f.FirstByteTimeoutS,
		c.IdleTimeoutS: f.IdleTimeoutS, c.Remark: f.Remark, c.UpdatedAt: gtime.NewFromTime(s.now())}, nil
}

// cleanBaseURL accepts an absolute http(s) URL without query or fragment, trailing '/' trimmed
// (the stored form is the SDK base URL with its version path).
func cleanBaseURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		u.RawQuery != "" || u.Fragment != "" {
		return "", errs.BaseURLInvalid.New()
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// cleanList trims, drops empties and duplicates, keeping the order.
func cleanList(in []string) []string {
	out := make([]string, 0, len(in))
	seen := map[string]bool{}
	for _, v := range in {
		v = strings.TrimSpace(v)
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, v)
	}
	return out
}

// requirePriced answers MODEL_NOT_PRICED naming the first model without a price row.
func requirePriced(ctx context.Context, models []string) error {
	var priced []string
	arr, err := dao.RelayPrices.Ctx(ctx).Fields(dao.RelayPrices.Columns().Model).
		WhereIn(dao.RelayPrices.Columns().Model, models).Array()
	if err != nil {
		return err
	}
	for _, v := range arr {
		priced = append(priced, v.String())
	}
	for _, m := range models {
		if !contains(priced, m) {
			return errs.ModelNotPriced.New(m)
		}
	}
	return nil
}

// requireGroups answers GROUP_UNKNOWN naming the first code without a relay_groups row.
func requireGroups(ctx context.Context, codes []string) error {
	arr, err := dao.RelayGroups.Ctx(ctx).Fields(dao.RelayGroups.Columns().Code).
		WhereIn(dao.RelayGroups.Columns().Code, codes).Array()
	if err != nil {
		return err
	}
	known := make([]string, 0, len(arr))
	for _, v := range arr {
		known = append(known, v.String())
	}
	for _, c := range codes {
		if !contains(known, c) {
			return errs.GroupUnknown.New(c)
		}
	}
	return nil
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// cleanKeys trims the plaintext keys and refuses empty, over-long or control-character ones
// (they would break the Authorization header).
func cleanKeys(in []string) ([]string, error) {
	out := cleanList(in)
	if len(out) == 0 || len(out) > 100 {
		return nil, errs.InvalidInput.Msg("keys: 1 to 100 keys")
	}
	for _, k := range out {
		if len(k) > 1024 || strings.ContainsAny(k, " \t\r\n") {
			return nil, errs.InvalidInput.Msg("keys: a key is at most 1024 characters without spaces")
		}
	}
	return out, nil
}

// insertKeys seals each key (AES-256-GCM under the channel-key subkey, the form the snapshot
// opens) and stores it with its hint.
func insertKeys(ctx context.Context, tx gdb.TX, channelID int64, keys []string, now *gtime.Time) error {
	for _, k := range keys {
		sealed, err := keyring.Seal(channelKeyPurpose, []byte(k))
		if err != nil {
			return err
		}
		if _, err = dao.RelayChannelKeys.Ctx(ctx).TX(tx).Data(do.RelayChannelKeys{ChannelId: channelID, Secret: sealed,
			Hint: keyHint(k), Status: statusEnabled, ProbeSuccesses: 0, CreatedAt: now, UpdatedAt: now}).Insert(); err != nil {
			return err
		}
	}
	return nil
}

// keyHint shows enough of a key to tell keys apart and never enough to use one: the first 3
// and last 4 characters of a long key, the first 2 of a short one.
func keyHint(k string) string {
	if len(k) >= 16 {
		return k[:3] + "…" + k[len(k)-4:]
	}
	if len(k) >= 4 {
		return k[:2] + "…"
	}
	return "…"
}

func jsonMap(v map[string]string) string {
	if v == nil {
		v = map[string]string{}
	}
	b, _ := json.Marshal(v)
	return string(b)
}
