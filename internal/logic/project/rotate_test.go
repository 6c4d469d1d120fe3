package project_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"kami/internal/service"
	"kami/internal/testkit"
)

func secrets(t *testing.T, appKey string) []string {
	t.Helper()
	c, err := service.Project().Credentials(context.Background(), appKey)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(c.Secrets))
	for i, s := range c.Secrets {
		out[i] = string(s)
	}
	return out
}

// TestSecretRotationGrace: after a rotation the new secret and the previous one both verify
// until the grace passes; a second rotation drops the oldest at once.
func TestSecretRotationGrace(t *testing.T) {
	start := freeze(t)
	s := newStaff(t)
	testkit.SetSettings(t, map[string]any{"projects.secretGrace": "1h"})
	p := create(t, s.Admin, nil)

	var r1 struct {
		AppKey          string  `json:"appKey"`
		AppSecret       string  `json:"appSecret"`
		PrevSecretUntil *string `json:"prevSecretUntil"`
	}
	s.Admin.Post(t, path("/api/projects/%d/secret/rotate", p.ID), nil).Expect(t, http.StatusOK).Decode(t, &r1)
	if r1.AppKey != p.AppKey || r1.AppSecret == p.AppSecret || r1.PrevSecretUntil == nil {
		t.Fatalf("rotation answered %+v", r1)
	}
	until, err := time.Parse(time.RFC3339, *r1.PrevSecretUntil)
	if err != nil || !until.Equal(start.Add(time.Hour)) {
		t.Fatalf("prevSecretUntil %v, want %v (%v)", *r1.PrevSecretUntil, start.Add(time.Hour), err)
	}
	if got := secrets(t, p.AppKey); len(got) != 2 || got[0] != r1.AppSecret || got[1] != p.AppSecret {
		t.Fatalf("during the grace: %v", got)
	}
	testkit.SharedClock{}.Advance(t, time.Hour-time.Second)
	if got := secrets(t, p.AppKey); len(got) != 2 {
		t.Fatalf("a second before the grace ends: %d secrets", len(got))
	}
	testkit.SharedClock{}.Advance(t, time.Second)
	if got := secrets(t, p.AppKey); len(got) != 1 || got[0] != r1.AppSecret {
		t.Fatalf("after the grace: %v", got)
	}

	// Two rotations in a row: only the newest and the one before it verify.
	var r2, r3 struct {
		AppSecret string `json:"appSecret"`
	}
	s.Admin.Post(t, path("/api/projects/%d/secret/rotate", p.ID), nil).Expect(t, http.StatusOK).Decode(t, &r2)
	s.Admin.Post(t, path("/api/projects/%d/secret/rotate", p.ID), nil).Expect(t, http.StatusOK).Decode(t, &r3)
	if got := secrets(t, p.AppKey); len(got) != 2 || got[0] != r3.AppSecret || got[1] != r2.AppSecret {
		t.Fatalf("after two rotations: %v", got)
	}
	expectError(t, s.Admin.Post(t, "/api/projects/999999999/secret/rotate", nil), 404, "NOT_FOUND")
}

// TestSigningKeyRotation: the new key signs at once; the old one stays published as retiring
// for the grace, then drops out; a second rotation retires the older key at once.
func TestSigningKeyRotation(t *testing.T) {
	freeze(t)
	s := newStaff(t)
	testkit.SetSettings(t, map[string]any{"projects.signingKeyGrace": "2h"})
	p := create(t, s.Admin, nil)
	var rot struct {
		Active signingKey   `json:"active"`
		Keys   []signingKey `json:"keys"`
	}
	s.Admin.Post(t, path("/api/projects/%d/signing-key/rotate", p.ID), nil).Expect(t, http.StatusOK).Decode(t, &rot)
	if rot.Active.Kid == p.SigningKey.Kid || rot.Active.Status != "active" || len(rot.Keys) != 2 {
		t.Fatalf("rotation answered %+v", rot)
	}
	if rot.Keys[1].Kid != p.SigningKey.Kid || rot.Keys[1].Status != "retiring" || rot.Keys[1].RetireAt == nil {
		t.Fatalf("the old key is not retiring: %+v", rot.Keys)
	}
	c, err := service.Project().Credentials(context.Background(), p.AppKey)
	if err != nil || c.Kid != rot.Active.Kid {
		t.Fatalf("signing with %v (%v), want %s", c, err, rot.Active.Kid)
	}
	published := func() []string {
		keys, err := service.Project().PublicKeys(context.Background(), p.AppKey)
		if err != nil {
			t.Fatal(err)
		}
		var kids []string
		for _, k := range keys {
			kids = append(kids, k.Kid+":"+k.Status)
		}
		return kids
	}
	if got := published(); len(got) != 2 {
		t.Fatalf("published during the grace: %v", got)
	}
	testkit.SharedClock{}.Advance(t, 2*time.Hour)
	if got := published(); len(got) != 1 || got[0] != rot.Active.Kid+":active" {
		t.Fatalf("published after the grace: %v", got)
	}
	var again, third struct {
		Active signingKey   `json:"active"`
		Keys   []signingKey `json:"keys"`
	}
	s.Admin.Post(t, path("/api/projects/%d/signing-key/rotate", p.ID), nil).Expect(t, http.StatusOK).Decode(t, &again)
	s.Admin.Post(t, path("/api/projects/%d/signing-key/rotate", p.ID), nil).Expect(t, http.StatusOK).Decode(t, &third)
	if len(third.Keys) != 2 || third.Keys[0].Kid != third.Active.Kid || third.Keys[1].Kid != again.Active.Kid {
		t.Fatalf("after two rotations: %+v", third.Keys)
	}
}
