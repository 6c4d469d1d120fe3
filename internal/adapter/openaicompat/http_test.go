package openaicompat

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// The real adapter against the fake: what goes upstream and how each answer is classified.
func TestHTTPAgainstFake(t *testing.T) {
	fake := NewFake()
	defer fake.Close()
	h := NewHTTP(HTTPOptions{})
	target := Target{BaseURL: fake.URL(), Key: "sk-upstream-secret"}
	ctx := context.Background()

	resp, err := h.Chat(ctx, target, []byte(`{"model":"gpt-x","messages":[{"role":"user","content":"hi"}],"tools":[1]}`))
	if err != nil || resp.Status != 200 || !strings.Contains(string(resp.Body), `"Hello!"`) {
		t.Fatalf("chat = %v, %v", resp, err)
	}
	rec := fake.Requests()[0]
	if rec.Path != "/v1/chat/completions" || rec.Authorization != "Bearer sk-upstream-secret" ||
		!strings.Contains(string(rec.Body), `"tools":[1]`) {
		t.Fatalf("recorded %+v", rec)
	}
	if _, err = h.Embeddings(ctx, target, []byte(`{"model":"e","input":"x"}`)); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name  string
		b     Behaviour
		class Class
	}{
		{"500", Behaviour{Status: 500, Message: "boom"}, Transient},
		{"429 plain", Behaviour{Status: 429, Message: "slow down"}, Transient},
		{"429 quota keyword", Behaviour{Status: 429, Message: "You exceeded your current quota"}, Fatal},
		{"401", Behaviour{Status: 401, ErrType: "invalid_request_error", Message: "bad key"}, Fatal},
		{"403 insufficient_quota code", Behaviour{Status: 403, ErrCode: "insufficient_quota"}, Fatal},
		{"404 model", Behaviour{Status: 404, ErrCode: "model_not_found", Message: "The model x does not exist"}, ModelMissing},
		{"400", Behaviour{Status: 400, ErrType: "invalid_request_error", Message: "bad"}, ClientFault},
		{"2xx not JSON", Behaviour{Body: "<html>"}, Transient},
		{"408", Behaviour{Status: 408}, Transient},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fake.Push(c.b)
			_, err := h.Chat(ctx, target, []byte(`{"model":"m"}`))
			var f *Failure
			if !errors.As(err, &f) || f.Class != c.class {
				t.Fatalf("err = %v, want class %v", err, c.class)
			}
		})
	}

	fake.Push(Behaviour{Delay: 5 * time.Second})
	_, err = h.Chat(ctx, Target{BaseURL: fake.URL(), Key: "k", FirstByteLimit: 50 * time.Millisecond}, []byte(`{}`))
	var f *Failure
	if !errors.As(err, &f) || f.Class != Transient || !f.Timeout {
		t.Fatalf("timeout err = %v", err)
	}
	// A dial to a closed port is transient, never fatal.
	_, err = h.Chat(ctx, Target{BaseURL: "http://127.0.0.1:1/v1", Key: "k"}, []byte(`{}`))
	if !errors.As(err, &f) || f.Class != Transient {
		t.Fatalf("dial err = %v", err)
	}
}
