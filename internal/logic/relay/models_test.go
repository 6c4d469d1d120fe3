package relay_test

import (
	"context"
	"errors"
	"testing"

	"github.com/openai/openai-go/v3"

	"kami/internal/dao"
	"kami/internal/service"
	"kami/internal/testkit"
)

// /v1/models lists what the token may call; /v1/models/{id} answers one or 404; embeddings bill
// prompt tokens only.
func TestModelsAndEmbeddings(t *testing.T) {
	ctx := context.Background()
	fake := fakeUpstream(t)
	m, hidden, emb := testkit.UniqueName("gpt"), testkit.UniqueName("gpt"), testkit.UniqueName("emb")
	seedPrice(t, m, "1", "1")
	seedPrice(t, hidden, "1", "1")
	seedPrice(t, emb, "0.5", "1")
	seedChannel(t, "c", fake.URL(), 0, 1, []string{m, hidden, emb}, "sk-k")
	service.Relay().Invalidate(ctx)
	a := newAgent(t, 100000, 0)
	if _, err := dao.RelayTokens.Ctx(ctx).WherePri(a.TokenID).Data("allowed_models", jsonText([]string{m, emb})).Update(); err != nil {
		t.Fatal(err)
	}
	service.Relay().Invalidate(ctx)
	cl := sdk(a.Key)

	page, err := cl.Models.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, x := range page.Data {
		ids[x.ID] = true
		if x.OwnedBy != "kami" || x.Created == 0 {
			t.Fatalf("model %+v", x)
		}
	}
	if !ids[m] || !ids[emb] || ids[hidden] {
		t.Fatalf("listed %v", ids)
	}
	if got, err := cl.Models.Get(ctx, m); err != nil || got.ID != m {
		t.Fatalf("get %v %v", got, err)
	}
	_, err = cl.Models.Get(ctx, hidden)
	var apiErr *openai.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.Code != "model_not_found" {
		t.Fatalf("hidden model: %v", err)
	}

	res, err := cl.Embeddings.New(ctx, openai.EmbeddingNewParams{Model: emb,
		Input: openai.EmbeddingNewParamsInputUnion{OfArrayOfStrings: []string{"a", "b"}}})
	if err != nil || len(res.Data) != 1 || res.Usage.PromptTokens != 10 {
		t.Fatalf("embeddings %+v %v", res, err)
	}
	if p := fake.Requests()[0].Path; p != "/v1/embeddings" {
		t.Fatalf("upstream path %s", p)
	}
	row := logRow(t, a.TokenID)
	if row.Quota != 5 || row.Status != "success" { // 10 prompt tokens × 0.5
		t.Fatalf("embeddings row quota %d status %s", row.Quota, row.Status)
	}
	audit(t, a.UserID)
}
