package derp_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/logic/derp"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

// waitDevice waits for the rental's device row of key, as the background batcher writes it.
func waitDevice(t *testing.T, rentalID int64, key string) map[string]any {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		rec, err := dao.DerpDevices.Ctx(context.Background()).Where("rental_id", rentalID).Where("node_key", key).One()
		if err != nil {
			t.Fatal(err)
		}
		if !rec.IsEmpty() {
			return rec.Map()
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no device row for %s", key)
	return nil
}

// §14.6: approved → true; unknown → false and a pending row; blocked, bad token, stopped
// container → false; malformed → 400 and any Content-Type accepted; never wrapped; the warm
// call issues no SQL and no Redis command.
func TestAdmission(t *testing.T) {
	w := newWorld(t)
	frozen(t)
	d := activeRental(t, w)
	base := testkit.Current().BaseURL
	tokens := admitTokens(t, d.Id)
	devs := "/api/derp/me/rentals/" + itoa(d.Id) + "/devices"
	good, bad, unknown := nodeKey('a'), nodeKey('b'), nodeKey('c')
	var dev v1.DeviceItem
	w.Member.C.Post(t, devs, map[string]any{"nodeKey": strings.ToUpper(strings.TrimPrefix(good, "nodekey:")), "name": "laptop"}).
		Expect(t, http.StatusOK).Decode(t, &dev)
	if dev.NodeKey != good || dev.Status != "approved" || dev.Source != "manual" || dev.Name != "laptop" {
		t.Fatalf("device %+v", dev)
	}
	var blocked v1.DeviceItem
	w.Member.C.Post(t, devs, map[string]any{"nodeKey": bad}).Expect(t, http.StatusOK).Decode(t, &blocked)
	w.Member.C.Put(t, devs+"/"+itoa(blocked.Id), map[string]any{"status": "blocked"}).Expect(t, http.StatusOK)

	for _, tok := range tokens {
		expectAllow(t, base, tok, good, true)
	}
	expectAllow(t, base, tokens[0], bad, false)
	expectAllow(t, base, tokens[0], unknown, false)
	row := waitDevice(t, d.Id, unknown)
	if row["status"] != "pending" || row["source"] != "seen" || row["ips"] != "198.51.100.7" {
		t.Fatalf("seen row %v", row)
	}
	// A bad MAC, an unknown container and a malformed token are all Allow:false.
	cid, _, _ := strings.Cut(tokens[0], ".")
	for _, tok := range []string{cid + "." + strings.Repeat("A", 43), "999999999." + strings.Split(tokens[0], ".")[1], "nonsense"} {
		expectAllow(t, base, tok, good, false)
	}
	// Any Content-Type, unknown fields, case-insensitive names; malformed bodies → 400.
	for _, ct := range []string{"", "text/plain", "application/x-www-form-urlencoded", "application/json"} {
		st, body := admitCall(t, base, tokens[1], `{"nodepublic":"`+good+`","Source":"1.2.3.4","Future":1}`, ct)
		if st != 200 || body != `{"Allow":true}` {
			t.Fatalf("content type %q: %d %s", ct, st, body)
		}
	}
	for _, b := range []string{"", "{", "[]", `{"NodePublic":"nodekey:12"}`, `{"NodePublic":"` + good + `x"}`,
		`{"NodePublic":"` + good + `","Source":"` + strings.Repeat("x", 4200) + `"}`} {
		if st, _ := admitCall(t, base, tokens[1], b, ""); st != http.StatusBadRequest {
			t.Fatalf("malformed %.40q → %d", b, st)
		}
	}
	// The hook's group has Body in front of gf's parsing: a body over the 1 MB cap is 413, not
	// the 500 gf answers when its parsing cannot read a body.
	if st, _ := admitCall(t, base, tokens[1], `{"Source":"`+strings.Repeat("x", 2<<20)+`"}`, ""); st != http.StatusRequestEntityTooLarge {
		t.Fatalf("a 2 MiB body → %d, want 413", st)
	}

	// Warm: the next calls answer from the snapshot.
	ops := testkit.CountOps(t, "/api/derp/admit/")
	r0, w0 := derp.AdmitStatements.Statements()
	for i := 0; i < 20; i++ {
		expectAllow(t, base, tokens[i%3], good, true)
		expectAllow(t, base, tokens[i%3], bad, false)
	}
	r1, w1 := derp.AdmitStatements.Statements()
	if ops.SQL() != 0 || ops.Redis() != 0 || r1 != r0 || w1 != w0 {
		t.Fatalf("warm admission issued %d SQL statements (meter %d reads, %d writes) and %d Redis commands",
			ops.SQL(), r1-r0, w1-w0, ops.Redis())
	}
	// The counter does see a cold call: it would catch a regression.
	w.Member.C.Put(t, devs+"/"+itoa(blocked.Id), map[string]any{"status": "approved"}).Expect(t, http.StatusOK)
	expectAllow(t, base, tokens[0], bad, true)
	if r2, _ := derp.AdmitStatements.Statements(); ops.SQL() == 0 || r2 == r1 {
		t.Fatal("a cold call counted no SQL")
	}

	// No operation-log row for any of these calls (oplog:"off").
	if n, err := dao.OperationLogs.Ctx(context.Background()).WhereLike("path", "/api/derp/admit/%").Count(); err != nil || n != 0 {
		t.Fatalf("%d operation-log rows for admission (%v)", n, err)
	}

	// A container that is not meant to run admits nobody.
	if _, err := dao.DerpContainers.Ctx(context.Background()).Where("rental_id", d.Id).Where("ha_index", 3).
		Data(do.DerpContainers{Desired: "stopped"}).Update(); err != nil {
		t.Fatal(err)
	}
	w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/acl/regenerate", nil).Expect(t, http.StatusOK) // invalidates
	expectAllow(t, base, tokens[2], good, false)
	expectAllow(t, base, tokens[0], good, true)
}

// §7: more than 50 rps per token (burst 200) → 429; another token is not affected. The clock
// stands still, so the bucket refills only when the test moves it.
func TestAdmissionRateLimit(t *testing.T) {
	w := newWorld(t)
	clk, _ := frozen(t)
	d := activeRental(t, w)
	base := testkit.Current().BaseURL
	tokens := admitTokens(t, d.Id)
	burst := func(n int) map[int]int {
		var mu sync.Mutex
		codes := map[int]int{}
		var wg sync.WaitGroup
		per := n / 8
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < per; i++ {
					req, _ := http.NewRequest(http.MethodPost, base+"/api/derp/admit/"+tokens[0], strings.NewReader(admitBody(nodeKey('d'))))
					res, err := http.DefaultClient.Do(req)
					if err != nil {
						continue
					}
					res.Body.Close()
					mu.Lock()
					codes[res.StatusCode]++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		return codes
	}
	if codes := burst(320); codes[http.StatusOK] != 200 || codes[http.StatusTooManyRequests] != 120 {
		t.Fatalf("320 calls in a burst answered %v", codes)
	}
	expectAllow(t, base, tokens[1], nodeKey('d'), false)
	clk.Advance(t, time.Second)
	if codes := burst(80); codes[http.StatusOK] != 50 || codes[http.StatusTooManyRequests] != 30 {
		t.Fatalf("80 calls a second later answered %v", codes)
	}
}

// §7 (4) and §5: the learn window approves unknown keys until maxDevices; devices CRUD, the
// limit and DUPLICATE; a closed window learns nothing.
func TestAdmissionLearnAndDevices(t *testing.T) {
	w := newWorld(t)
	clk, _ := frozen(t)
	d := activeRental(t, w)
	base := testkit.Current().BaseURL
	tokens := admitTokens(t, d.Id)
	if _, err := dao.DerpRentals.Ctx(context.Background()).WherePri(d.Id).Data(do.DerpRentals{MaxDevices: 3}).Update(); err != nil {
		t.Fatal(err)
	}
	devs := "/api/derp/me/rentals/" + itoa(d.Id) + "/devices"
	w.Member.C.Post(t, devs, map[string]any{"nodeKey": nodeKey('1')}).Expect(t, http.StatusOK)
	expectReason(t, w.Member.C.Post(t, devs, map[string]any{"nodeKey": strings.ToUpper(nodeKey('1'))}), http.StatusConflict, "DUPLICATE")
	w.Member.C.Post(t, devs, map[string]any{"nodeKey": "nodekey:xyz"}).Expect(t, http.StatusBadRequest)
	other := login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser))
	other.C.Get(t, devs+"/list").Expect(t, http.StatusNotFound)
	other.C.Post(t, devs, map[string]any{"nodeKey": nodeKey('9')}).Expect(t, http.StatusNotFound)
	expectReason(t, w.Agent.C.Get(t, devs+"/list"), http.StatusForbidden, "DERP_NOT_CUSTOMER")

	// Off by default: an unknown key is refused.
	expectAllow(t, base, tokens[0], nodeKey('2'), false)
	var lr v1.MeDeviceLearnRes
	w.Member.C.Post(t, devs+"/learn", map[string]any{"minutes": 61}).Expect(t, http.StatusBadRequest)
	w.Member.C.Post(t, devs+"/learn", map[string]any{"minutes": 10}).Expect(t, http.StatusOK).Decode(t, &lr)
	if lr.LearnUntil == "" {
		t.Fatal("no learnUntil")
	}
	expectAllow(t, base, tokens[0], nodeKey('2'), true) // a pending (seen) key is learned too
	expectAllow(t, base, tokens[1], nodeKey('3'), true)
	expectAllow(t, base, tokens[2], nodeKey('4'), false) // 3 approved = maxDevices
	expectAllow(t, base, tokens[2], nodeKey('3'), true)
	var l v1.MeDeviceListRes
	w.Member.C.Get(t, devs+"/list?status=approved").Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 3 {
		t.Fatalf("approved %+v", l)
	}
	for _, it := range l.Items {
		if it.NodeKey != nodeKey('1') && it.Source != "learned" {
			t.Fatalf("learned device %+v", it)
		}
	}
	expectReason(t, w.Member.C.Post(t, devs, map[string]any{"nodeKey": nodeKey('5')}), http.StatusConflict, "DERP_DEVICE_LIMIT")
	pending := waitDevice(t, d.Id, nodeKey('4'))
	expectReason(t, w.Member.C.Put(t, devs+"/"+fmt.Sprint(pending["id"]), map[string]any{"status": "approved"}),
		http.StatusConflict, "DERP_DEVICE_LIMIT")
	// Forgetting one makes room; the window closes after its minutes.
	w.Member.C.Delete(t, devs+"/"+itoa(l.Items[0].Id)).Expect(t, http.StatusOK)
	w.Member.C.Delete(t, devs+"/"+itoa(l.Items[0].Id)).Expect(t, http.StatusNotFound)
	clk.Advance(t, 11*time.Minute)
	expectAllow(t, base, tokens[0], nodeKey('6'), false)
	var x v1.DeviceItem
	w.Member.C.Put(t, devs+"/"+fmt.Sprint(pending["id"]), map[string]any{"status": "approved", "name": "phone"}).
		Expect(t, http.StatusOK).Decode(t, &x)
	if x.Status != "approved" || x.Name != "phone" || x.Source != "seen" {
		t.Fatalf("approved pending %+v", x)
	}
	expectAllow(t, base, tokens[0], nodeKey('4'), true)
}
