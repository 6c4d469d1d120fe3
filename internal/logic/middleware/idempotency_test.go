package middleware_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/dao"
	"kami/internal/infra/redisx"
	"kami/internal/testkit"
)

func createWithKey(cl *testkit.Client, key string, body map[string]any) (*testkit.Resp, error) {
	saved := cl.Header.Get("Idempotency-Key")
	defer cl.Header.Set("Idempotency-Key", saved)
	cl.Header.Set("Idempotency-Key", key)
	return cl.DoErr(http.MethodPost, "/api/system/user", body)
}

func usersNamed(t *testing.T, name string) int {
	t.Helper()
	n, err := dao.Users.Ctx(context.Background()).Where("username", name).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The same key and request answer the first answer and create once; another request under the
// key is refused; the scope is the caller; errors below 500 are replayed too.
func TestIdempotencyKeyReplaysTheFirstAnswer(t *testing.T) {
	env := testkit.Current()
	cl := env.Admin(t)
	name := testkit.UniqueName("idem")
	body := map[string]any{"username": name, "password": "Passw0rd-1", "role": "agent-admin"}
	key := testkit.UniqueName("k-")

	first, err := createWithKey(cl, key, body)
	if err != nil {
		t.Fatal(err)
	}
	first.Expect(t, 200)
	again, _ := createWithKey(cl, key, body)
	again.Expect(t, 200)
	if string(again.Raw) != string(first.Raw) || again.Header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("replay differs:\n%s\n%s (%v)", first.Raw, again.Raw, again.Header)
	}
	if n := usersNamed(t, name); n != 1 {
		t.Fatalf("%d users created", n)
	}
	other := map[string]any{"username": name + "x", "password": "Passw0rd-1", "role": "agent-admin"}
	r, _ := createWithKey(cl, key, other)
	if r.Expect(t, 409).ErrorCode() != "IDEMPOTENCY_MISMATCH" || usersNamed(t, name+"x") != 0 {
		t.Fatalf("mismatch: %s", r.Raw)
	}
	// Another caller's key space is its own: the same key creates for it.
	admin2 := env.Admin(t) // same user, new session: same scope, so still a replay
	r, _ = createWithKey(admin2, key, body)
	if r.Header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("same caller, other session: not replayed: %s", r.Raw)
	}
	aa := testkit.SeedUser(t, "agent-admin", testkit.SuperAdmin(t))
	mine := map[string]any{"username": name + "a", "password": "Passw0rd-1", "role": "agent"}
	r, _ = createWithKey(env.Login(t, aa), key, mine)
	if r.Expect(t, 200).Header.Get("Idempotent-Replayed") != "" || usersNamed(t, name+"a") != 1 {
		t.Fatalf("other caller's key collided: %s", r.Raw)
	}
	// A refused request is answered the same way again, and still changes nothing.
	weak := map[string]any{"username": name + "w", "password": "short", "role": "agent-admin"}
	k2 := testkit.UniqueName("k-")
	r1, _ := createWithKey(cl, k2, weak)
	r2, _ := createWithKey(cl, k2, weak)
	if r1.Status != 400 || r2.Status != 400 || string(r1.Raw) != string(r2.Raw) || usersNamed(t, name+"w") != 0 {
		t.Fatalf("refusal replay: %s / %s", r1.Raw, r2.Raw)
	}
	// A malformed key is refused before anything runs.
	r, _ = createWithKey(cl, "has space", map[string]any{"username": name + "s", "password": "Passw0rd-1", "role": "agent-admin"})
	if r.Expect(t, 400).ErrorCode() != "INVALID_INPUT" || usersNamed(t, name+"s") != 0 {
		t.Fatalf("bad key: %s", r.Raw)
	}
}

// Many identical requests racing with one key create exactly once, and every one of them gets
// the first answer.
func TestIdempotencyKeyUnderRace(t *testing.T) {
	env := testkit.Current()
	admin := env.Admin(t)
	name := testkit.UniqueName("race")
	body := map[string]any{"username": name, "password": "Passw0rd-1", "role": "agent-admin"}
	key := testkit.UniqueName("k-")
	const n = 30
	var wg sync.WaitGroup
	answers := make([]*testkit.Resp, n)
	errors := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cl := testkit.NewClient(env.BaseURL)
			cl.Token = admin.Token
			answers[i], errors[i] = createWithKey(cl, key, body)
		}()
	}
	wg.Wait()
	for i := range n {
		if errors[i] != nil {
			t.Fatal(errors[i])
		}
		if answers[i].Status != 200 || string(answers[i].Raw) != string(answers[0].Raw) {
			t.Fatalf("answer %d: HTTP %d %s (first %s)", i, answers[i].Status, answers[i].Raw, answers[0].Raw)
		}
	}
	if c := usersNamed(t, name); c != 1 {
		t.Fatalf("%d users created by %d racing requests", c, n)
	}
}

// While the first request with a key is still running, a duplicate waits for it (up to the
// idempotency.waitTimeout setting) and then gives up with 409, creating nothing.
func TestIdempotencyKeyInProgress(t *testing.T) {
	env := testkit.Current()
	admin := env.Admin(t)
	admin.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"idempotency.waitTimeout": "200ms"}}).Expect(t, 200)
	t.Cleanup(func() {
		admin.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"idempotency.waitTimeout": nil}}).Expect(t, 200)
	})
	name := testkit.UniqueName("busy")
	body := map[string]any{"password": "Passw0rd-1", "role": "agent-admin", "username": name}
	raw, _ := json.Marshal(body)
	key := testkit.UniqueName("k-")
	// What the first request's claim looks like while its handler runs.
	keySum := sha256.Sum256([]byte(key))
	reqSum := sha256.Sum256([]byte("POST /api/system/user\n" + string(raw)))
	rkey := redisx.Key("idem", strconv.FormatInt(testkit.SuperAdmin(t).ID, 10), "POST /api/system/user", hex.EncodeToString(keySum[:]))
	pending := `{"h":"` + hex.EncodeToString(reqSum[:]) + `","d":false}`
	if _, err := g.Redis().Do(context.Background(), "SET", rkey, pending, "PX", 60000); err != nil {
		t.Fatal(err)
	}
	r, err := createWithKey(admin, key, body)
	if err != nil {
		t.Fatal(err)
	}
	if r.Expect(t, 409).ErrorCode() != "IDEMPOTENCY_IN_PROGRESS" || usersNamed(t, name) != 0 {
		t.Fatalf("in progress: %s", r.Raw)
	}
}
