package openapi_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"kami/internal/consts"
	"kami/internal/testkit"
	"kami/sdk/go/kami"
)

// The first verification activates the card from now and binds the device; later ones from
// that device are VALID without activating again; another device is DEVICE_MISMATCH on a
// one-device card. Key lookup ignores case, spaces and dashes; another project's card is
// NOT_FOUND.
func TestVerifyActivatesOnceAndBindsTheDevice(t *testing.T) {
	now := freeze(t)
	admin := testkit.Current().Admin(t)
	p := newProject(t, admin, 3600, 1, nil)
	k := keys(t, admin, p, 1)[0]
	c := local(p)

	first := verify(t, c, k, "device-A")
	expectResult(t, first, kami.ResultValid)
	if !first.Activated || first.Card == nil || first.Card.Status != kami.StatusActive || first.Card.BoundDevices != 1 ||
		first.Card.ExpiresAt == nil || !first.Card.ExpiresAt.Equal(now.Add(time.Hour)) || *first.Card.RemainingSeconds != 3600 {
		t.Fatalf("first verification: %+v card %+v", first, first.Card)
	}
	testkit.SharedClock{}.Advance(t, 10*time.Minute)
	again := verify(t, c, "  "+lower(k)+" ", "device-A")
	expectResult(t, again, kami.ResultValid)
	if again.Activated || *again.Card.RemainingSeconds != 3000 || !again.Card.ExpiresAt.Equal(*first.Card.ExpiresAt) {
		t.Fatalf("repeat verification: %+v card %+v", again, again.Card)
	}
	expectResult(t, verify(t, c, k, "device-B"), kami.ResultDeviceMismatch)

	other := newProject(t, admin, 3600, 1, nil)
	r := verify(t, local(other), k, "device-A")
	expectResult(t, r, kami.ResultNotFound)
	if r.Card != nil {
		t.Fatalf("NOT_FOUND reveals a card: %+v", r.Card)
	}
	expectResult(t, verify(t, c, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", "device-A"), kami.ResultNotFound)
}

func lower(k string) string {
	b := []byte(k)
	for i, ch := range b {
		if ch >= 'A' && ch <= 'Z' {
			b[i] = ch + 32
		}
	}
	return string(b)
}

// Every result code, each reached the way an operator or time would reach it, and the
// contract's precedence where two apply at once.
func TestVerifyResults(t *testing.T) {
	freeze(t)
	admin := testkit.Current().Admin(t)
	ctx := context.Background()

	t.Run("TOO_MANY_DEVICES past maxDevices > 1", func(t *testing.T) {
		p := newProject(t, admin, 3600, 2, nil)
		k := keys(t, admin, p, 1)[0]
		c := local(p)
		expectResult(t, verify(t, c, k, "d1"), kami.ResultValid)
		r := verify(t, c, k, "d2")
		expectResult(t, r, kami.ResultValid)
		if r.Activated || r.Card.BoundDevices != 2 {
			t.Fatalf("second device: %+v %+v", r, r.Card)
		}
		expectResult(t, verify(t, c, k, "d3"), kami.ResultTooManyDevices)
		expectResult(t, verify(t, c, k, "d1"), kami.ResultValid)
	})

	t.Run("EXPIRED after the plan's duration, DISABLED before EXPIRED", func(t *testing.T) {
		p := newProject(t, admin, 60, 1, nil)
		ks := keys(t, admin, p, 2)
		c := local(p)
		expectResult(t, verify(t, c, ks[0], "d1"), kami.ResultValid)
		expectResult(t, verify(t, c, ks[1], "d1"), kami.ResultValid)
		testkit.SharedClock{}.Advance(t, 61*time.Second)
		r := verify(t, c, ks[0], "d1")
		expectResult(t, r, kami.ResultExpired)
		if r.Card.Status != kami.StatusExpired || *r.Card.RemainingSeconds != 0 {
			t.Fatalf("expired card: %+v", r.Card)
		}
		setCardStatus(t, admin, cardID(t, p, ks[1]), "disabled")
		expectResult(t, verify(t, c, ks[1], "d1"), kami.ResultDisabled)
	})

	t.Run("DISABLED by the card, its batch or its agent; enabled again VALID", func(t *testing.T) {
		p := newProject(t, admin, 0, 1, nil)
		boss := testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
		admin.Post(t, "/api/authorizations", map[string]any{"projectId": p.ID, "agentId": boss.ID}).Expect(t, http.StatusOK)
		bc := testkit.Current().Login(t, boss)
		ks := keys(t, bc, p, 2)
		c := local(p)
		for _, k := range ks {
			r := verify(t, c, k, "d1")
			expectResult(t, r, kami.ResultValid)
			if r.Card.ExpiresAt != nil || r.Card.RemainingSeconds != nil {
				t.Fatalf("a permanent card has no end: %+v", r.Card)
			}
		}
		id := cardID(t, p, ks[0])
		setCardStatus(t, admin, id, "disabled")
		r := verify(t, c, ks[0], "d1")
		expectResult(t, r, kami.ResultDisabled)
		if r.Card.Status != kami.StatusDisabled {
			t.Fatalf("status %s", r.Card.Status)
		}
		setCardStatus(t, admin, id, "enabled")
		expectResult(t, verify(t, c, ks[0], "d1"), kami.ResultValid)

		batch := batchOf(t, id)
		admin.Post(t, path("/api/cards/batches/%d/disable", batch), nil).Expect(t, http.StatusOK)
		expectResult(t, verify(t, c, ks[1], "d1"), kami.ResultDisabled)
		admin.Post(t, path("/api/cards/batches/%d/enable", batch), nil).Expect(t, http.StatusOK)
		expectResult(t, verify(t, c, ks[1], "d1"), kami.ResultValid)

		admin.Put(t, path("/api/system/user/%d/status", boss.ID), map[string]any{"status": 0}).Expect(t, http.StatusOK)
		expectResult(t, verify(t, c, ks[1], "d1"), kami.ResultDisabled)
		admin.Put(t, path("/api/system/user/%d/status", boss.ID), map[string]any{"status": 1}).Expect(t, http.StatusOK)
		expectResult(t, verify(t, c, ks[1], "d1"), kami.ResultValid)
	})

	t.Run("NOT_AUTHORIZED after the agent's authorization ended, when the project refuses such cards", func(t *testing.T) {
		p := newProject(t, admin, 0, 1, nil)
		boss := testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
		var a struct {
			ID int64 `json:"id"`
		}
		admin.Post(t, "/api/authorizations", map[string]any{"projectId": p.ID, "agentId": boss.ID}).
			Expect(t, http.StatusOK).Decode(t, &a)
		k := keys(t, testkit.Current().Login(t, boss), p, 1)[0]
		own := keys(t, admin, p, 1)[0] // the super-admin's cards need no authorization
		c := local(p)
		expectResult(t, verify(t, c, k, "d1"), kami.ResultValid)
		admin.Delete(t, path("/api/authorizations/%d", a.ID)).Expect(t, http.StatusOK)
		expectResult(t, verify(t, c, k, "d1"), kami.ResultValid) // verifyAfterAuthEnd is on by default
		admin.Put(t, path("/api/projects/%d", p.ID), map[string]any{"settings": map[string]any{"verifyAfterAuthEnd": false}}).
			Expect(t, http.StatusOK)
		expectResult(t, verify(t, c, k, "d1"), kami.ResultNotAuthorized)
		expectResult(t, verify(t, c, own, "d1"), kami.ResultValid)
	})

	t.Run("PROJECT_DISABLED while the project is disabled, NOT_FOUND still first", func(t *testing.T) {
		p := newProject(t, admin, 0, 1, nil)
		k := keys(t, admin, p, 1)[0]
		c := local(p)
		admin.Put(t, path("/api/projects/%d/status", p.ID), map[string]any{"status": "disabled"}).Expect(t, http.StatusOK)
		expectResult(t, verify(t, c, k, "d1"), kami.ResultProjectDisabled)
		expectResult(t, verify(t, c, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", "d1"), kami.ResultNotFound)
		admin.Put(t, path("/api/projects/%d/status", p.ID), map[string]any{"status": "active"}).Expect(t, http.StatusOK)
		r := verify(t, c, k, "d1")
		expectResult(t, r, kami.ResultValid)
		if !r.Activated {
			t.Fatal("a refused verification must not have activated the card")
		}
	})
	_ = ctx
}
