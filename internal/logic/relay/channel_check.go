package relay

import (
	"context"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/relay/v1"
	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// channelTestLimit bounds one admin test (§5: synchronous, at most 30 s).
const channelTestLimit = 30 * time.Second

// ChannelCheck calls the channel once with a one-token request and reports the outcome. It is
// never billed and changes nothing but the channel's last latency: no status, no counters.
func (s *sRelay) ChannelCheck(ctx context.Context, req *v1.ChannelCheckReq) (*v1.ChannelCheckRes, error) {
	row, err := channelRow(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	res, err := s.testChannel(ctx, row, req.Model)
	if err != nil {
		return nil, err
	}
	return res, nil
}

// testChannel runs one test call against the first key that is on (else the first key at all:
// a test is how a disabled key is checked by hand).
func (s *sRelay) testChannel(ctx context.Context, row *entity.RelayChannels, model string) (*v1.ChannelCheckRes, error) {
	var models []string
	_ = json.Unmarshal([]byte(row.Models), &models)
	if model == "" {
		model = testModelOf(row)
	}
	if !contains(models, model) {
		return nil, errs.InvalidInput.Msg("model: one of the channel's models")
	}
	key, err := testKey(ctx, row.Id)
	if err != nil {
		return nil, err
	}
	if key == "" {
		return &v1.ChannelCheckRes{ChannelId: row.Id, Model: model, Message: "no usable key"}, nil
	}
	out := s.callChannel(ctx, row, model, key)
	c := dao.RelayChannels.Columns()
	if _, err := dao.RelayChannels.Ctx(context.WithoutCancel(ctx)).Data(g.Map{c.ResponseTimeMs: out.LatencyMs,
		c.TestedAt: gtime.NewFromTime(s.now())}).WherePri(row.Id).Update(); err != nil {
		return nil, err
	}
	return out, nil
}

// callChannel makes one unbilled call to the channel with key (admin tests and the probe job
// share it): a one-token chat, or an embeddings call for an embedding model — a chat test would
// fail those (One API's mistake).
func (s *sRelay) callChannel(ctx context.Context, row *entity.RelayChannels, model, key string) *v1.ChannelCheckRes {
	out := &v1.ChannelCheckRes{ChannelId: row.Id, Model: model}
	mapping := map[string]string{}
	_ = json.Unmarshal([]byte(row.ModelMapping), &mapping)
	upstreamModel := model
	if m, ok := mapping[model]; ok {
		upstreamModel = m
	}
	t := openaicompat.Target{BaseURL: strings.TrimRight(row.BaseUrl, "/"), Key: key}
	cctx, cancel := context.WithTimeout(ctx, channelTestLimit)
	defer cancel()
	// Latency is a measurement of the wall clock, not a business rule: the injected clock may be
	// frozen in tests.
	start := time.Now()
	var resp *openaicompat.Response
	var err error
	if isEmbeddingModel(model) {
		body, _ := json.Marshal(g.Map{"model": upstreamModel, "input": "ping"})
		resp, err = s.up().Embeddings(cctx, t, body)
	} else {
		body, _ := json.Marshal(g.Map{"model": upstreamModel, "max_tokens": 1,
			"messages": []g.Map{{"role": "user", "content": "ping"}}})
		resp, err = s.up().Chat(cctx, t, body)
	}
	out.LatencyMs = time.Since(start).Milliseconds()
	if err != nil {
		var f *openaicompat.Failure
		if errors.As(err, &f) {
			out.HttpStatus = f.Status
			out.Message = sanitize(f.Message, key, row.BaseUrl)
			if out.Message == "" {
				out.Message = sanitize(f.Error(), key, row.BaseUrl)
			}
		} else {
			out.Message = sanitize(err.Error(), key, row.BaseUrl)
		}
		return out
	}
	out.Ok, out.HttpStatus, out.Message = true, resp.Status, "ok"
	return out
}

// testModelOf is the model a channel is tested and probed with: its testModel, else its first.
func testModelOf(row *entity.RelayChannels) string {
	if row.TestModel != "" {
		return row.TestModel
	}
	var models []string
	_ = json.Unmarshal([]byte(row.Models), &models)
	if len(models) > 0 {
		return models[0]
	}
	return ""
}

// isEmbeddingModel tells an embedding model by its name, as every OpenAI-compatible catalogue
// names them (text-embedding-3-small, bge-m3-embedding, …).
func isEmbeddingModel(model string) bool {
	return strings.Contains(strings.ToLower(model), "embedding")
}

// testKey opens the channel's first enabled key, else its first key; "" when it has none that
// opens under this master key.
func testKey(ctx context.Context, channelID int64) (string, error) {
	kc := dao.RelayChannelKeys.Columns()
	var keys []entity.RelayChannelKeys
	if err := dao.RelayChannelKeys.Ctx(ctx).Where(kc.ChannelId, channelID).
		OrderAsc(kc.Id).Scan(&keys); err != nil && !dbx.IsNoRows(err) {
		return "", err
	}
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].Status == statusEnabled && keys[j].Status != statusEnabled })
	for _, k := range keys {
		if plain, err := keyring.Open(channelKeyPurpose, k.Secret); err == nil {
			return string(plain), nil
		}
	}
	return "", nil
}

var eventSorts = listq.NewSorts("id", map[string]listq.Field{"id": listq.Ordinal("id")})

// ChannelEvents lists a channel's events (disables, enables, probes, model_missing, edits).
// A deleted channel's events stay readable.
func (s *sRelay) ChannelEvents(ctx context.Context, req *v1.ChannelEventsReq) (*v1.ChannelEventsRes, error) {
	m := dao.RelayChannelEvents.Ctx(ctx).Where(dao.RelayChannelEvents.Columns().ChannelId, req.Id)
	rows, total, err := listq.Page[entity.RelayChannelEvents](m, req.PageReq, eventSorts)
	if err != nil {
		return nil, err
	}
	if total == 0 {
		if _, err = channelRow(ctx, req.Id); err != nil {
			return nil, err
		}
	}
	res := &v1.ChannelEventsRes{Items: make([]v1.ChannelEventItem, 0, len(rows)), Total: total}
	for _, e := range rows {
		res.Items = append(res.Items, v1.ChannelEventItem{Id: e.Id, ChannelId: e.ChannelId, KeyId: e.KeyId, Kind: e.Kind,
			Model: e.Model, Reason: e.Reason, OperatorId: e.OperatorId, CreatedAt: timefmt.Ptr(e.CreatedAt)})
	}
	return res, nil
}
