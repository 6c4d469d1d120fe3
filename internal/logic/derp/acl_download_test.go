package derp_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/testkit"
)

const chromeUA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"

func downloads(t *testing.T, c *testkit.Client, rentalID int64) v1.AclDownloadListRes {
	t.Helper()
	var l v1.AclDownloadListRes
	c.Get(t, "/api/derp/acl/downloads/list?pageSize=100&rentalId="+itoa(rentalID)).Expect(t, http.StatusOK).Decode(t, &l)
	return l
}

// §14.5 and §6: the file with its headers and canonical body; another member → 404; suspended
// and expired → 409; every attempt is logged with ip, machineCode and browser; S, AA and A see
// only their scope; a lapsed version is regenerated first.
func TestAclDownload(t *testing.T) {
	w := newWorld(t)
	_, now := frozen(t)
	d := activeRental(t, w)
	w.Member.C.Header.Set("User-Agent", chromeUA)
	path := "/api/derp/me/rentals/" + itoa(d.Id) + "/acl"

	r := w.Member.C.Get(t, path+"?machineCode=PC-01").Expect(t, http.StatusOK)
	sum := sha256.Sum256(r.Raw)
	if r.Header.Get("Content-Type") != "application/json" ||
		r.Header.Get("Content-Disposition") != fmt.Sprintf(`attachment; filename="kami-derp-%s-v1.json"`, d.RentalNo) ||
		r.Header.Get("X-Kami-Derp-Version") != "1" || r.Header.Get("X-Kami-Derp-Sha256") != hex.EncodeToString(sum[:]) ||
		r.Header.Get("X-Kami-Derp-Sha256") != d.Acl.Sha256 || r.Header.Get("X-Kami-Derp-Valid-Until") != d.Acl.ValidUntil {
		t.Fatalf("headers %v (detail acl %+v)", r.Header, d.Acl)
	}
	var m struct {
		DerpMap struct {
			OmitDefaultRegions bool
			Regions            map[string]struct {
				RegionID int
				Nodes    []struct{ DERPPort, STUNPort int }
			}
		} `json:"derpMap"`
	}
	if err := json.Unmarshal(r.Raw, &m); err != nil || !m.DerpMap.OmitDefaultRegions || len(m.DerpMap.Regions) != 3 ||
		m.DerpMap.Regions["902"].RegionID != 902 || !strings.HasSuffix(string(r.Raw), "}\n") || bytesHasCR(r.Raw) {
		t.Fatalf("body %s (%v)", r.Raw, err)
	}
	y := w.Member.C.Get(t, path+"?format=headscale").Expect(t, http.StatusOK)
	if y.Header.Get("Content-Type") != "application/yaml" || !strings.Contains(string(y.Raw), "regions:") ||
		!strings.Contains(y.Header.Get("Content-Disposition"), "-v1.yaml") {
		t.Fatalf("headscale %v %s", y.Header, y.Raw)
	}
	w.Member.C.Get(t, path+"?machineCode=bad%20code").Expect(t, http.StatusBadRequest)
	w.Member.C.Get(t, path+"?format=xml").Expect(t, http.StatusBadRequest)

	other := login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser))
	other.C.Get(t, path).Expect(t, http.StatusNotFound)
	w.Admin.C.Post(t, "/api/derp/rentals/"+itoa(d.Id)+"/suspend", map[string]any{"reason": "admin"}).Expect(t, http.StatusOK)
	expectReason(t, w.Member.C.Get(t, path+"?machineCode=PC-01"), http.StatusConflict, "RENTAL_SUSPENDED")
	w.Admin.C.Post(t, "/api/derp/rentals/"+itoa(d.Id)+"/resume", nil).Expect(t, http.StatusOK)
	setRentalState(t, d.Id, "expired", "")
	expectReason(t, w.Member.C.Get(t, path), http.StatusConflict, "RENTAL_EXPIRED")
	setRentalState(t, d.Id, "active", "")

	// Every attempt: 2 ok, then other member 404, suspended, expired (the 400s never reach the logic).
	l := downloads(t, w.Admin.C, d.Id)
	if l.Total != 5 {
		t.Fatalf("%d download rows: %+v", l.Total, l.Items)
	}
	want := []struct {
		user                   int64
		result, reason, format string
	}{{w.Member.ID, "denied", "RENTAL_EXPIRED", "json"},
		{w.Member.ID, "denied", "RENTAL_SUSPENDED", "json"}, {other.ID, "denied", "NOT_FOUND", "json"},
		{w.Member.ID, "ok", "", "headscale"}, {w.Member.ID, "ok", "", "json"}}
	for i, it := range l.Items {
		x := want[i]
		if it.UserId != x.user || it.Result != x.result || it.Reason != x.reason || it.Format != x.format ||
			it.CustomerId != w.Member.ID || it.RentalId != d.Id || it.Ip == "" || it.CreatedAt == "" {
			t.Fatalf("row %d %+v, want %+v", i, it, x)
		}
	}
	if it := l.Items[4]; it.MachineCode != "PC-01" || it.Browser != "Chrome 120" || it.UserAgent != chromeUA || it.Version != 1 ||
		it.Username != w.Member.Username {
		t.Fatalf("ok row %+v", it)
	}
	if got := downloads(t, w.Boss.C, d.Id).Total; got != 5 {
		t.Fatalf("AA sees %d", got)
	}
	if got := downloads(t, w.Agent.C, d.Id).Total; got != 5 {
		t.Fatalf("A sees %d", got)
	}
	strangerAA := login(t, testkit.SeedUser(t, "agent-admin", w.Admin.SeededUser))
	strangerA := login(t, testkit.SeedUser(t, "agent", w.Boss.SeededUser))
	for _, c := range []actor{strangerAA, strangerA} {
		if got := downloads(t, c.C, d.Id).Total; got != 0 {
			t.Fatalf("out of scope %s sees %d", c.Username, got)
		}
	}
	var f v1.AclDownloadListRes
	w.Admin.C.Get(t, "/api/derp/acl/downloads/list?result=denied&customerId="+itoa(w.Member.ID)+"&from="+
		now.Add(-time.Minute).Format(time.RFC3339)+"&to="+now.Add(time.Minute).Format(time.RFC3339)).Expect(t, http.StatusOK).Decode(t, &f)
	if f.Total != 3 {
		t.Fatalf("filtered %d", f.Total)
	}
	w.Member.C.Get(t, "/api/derp/acl/downloads/list").Expect(t, http.StatusForbidden)

	// A lapsed version is regenerated (auto_32d) before the download.
	if _, err := dao.DerpAclVersions.Ctx(context.Background()).Where("rental_id", d.Id).Where("status", "current").
		Data(map[string]any{"valid_until": now.Add(-time.Second)}).Update(); err != nil {
		t.Fatal(err)
	}
	r = w.Member.C.Get(t, path).Expect(t, http.StatusOK)
	if r.Header.Get("X-Kami-Derp-Version") != "2" {
		t.Fatalf("lapsed download version %s", r.Header.Get("X-Kami-Derp-Version"))
	}
	var vs v1.MeAclVersionsRes
	w.Member.C.Get(t, path+"/versions").Expect(t, http.StatusOK).Decode(t, &vs)
	if vs.Total != 2 || vs.Items[0].Version != 2 || vs.Items[0].Trigger != "auto_32d" || vs.Items[0].Status != "current" ||
		vs.Items[1].Status != "superseded" {
		t.Fatalf("versions %+v", vs)
	}
	other.C.Get(t, path+"/versions").Expect(t, http.StatusNotFound)
}

func bytesHasCR(b []byte) bool { return strings.ContainsRune(string(b), '\r') }

// §5: customer regenerate ≤ 3 per day; the option change is a new version; the staff
// regenerate is S and AA and records the admin's IP; the generation log is scoped.
func TestAclRegenerateAndOptions(t *testing.T) {
	w := newWorld(t)
	clk, _ := frozen(t)
	d := activeRental(t, w)
	path := "/api/derp/me/rentals/" + itoa(d.Id)
	for i := 0; i < 3; i++ {
		var v v1.AclVersionItem
		w.Member.C.Post(t, path+"/acl/regenerate", nil).Expect(t, http.StatusOK).Decode(t, &v)
		if v.Version != 2+i || v.Trigger != "customer" || v.Status != "current" || v.Sha256 != d.Acl.Sha256 {
			t.Fatalf("regenerated %+v", v)
		}
	}
	r := w.Member.C.Post(t, path+"/acl/regenerate", nil)
	expectReason(t, r, http.StatusTooManyRequests, "RATE_LIMITED")
	if r.Header.Get("Retry-After") == "" {
		t.Fatal("no Retry-After")
	}
	other := login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser))
	other.C.Post(t, path+"/acl/regenerate", nil).Expect(t, http.StatusNotFound)
	clk.Advance(t, 24*time.Hour+time.Second)
	w, other = relogin(t, w), login(t, other.SeededUser)
	w.Member.C.Post(t, path+"/acl/regenerate", nil).Expect(t, http.StatusOK)

	var x v1.RentalDetail
	w.Member.C.Put(t, path, map[string]any{"omitDefaultRegions": false}).Expect(t, http.StatusOK).Decode(t, &x)
	if x.OmitDefaultRegions || x.Acl.Version != 6 || x.Acl.Sha256 == d.Acl.Sha256 {
		t.Fatalf("option change %+v %+v", x, x.Acl)
	}
	body := w.Member.C.Get(t, path+"/acl").Expect(t, http.StatusOK).Raw
	if !strings.Contains(string(body), `"OmitDefaultRegions": false`) {
		t.Fatalf("body %s", body)
	}
	w.Member.C.Put(t, path, map[string]any{"omitDefaultRegions": false}).Expect(t, http.StatusOK).Decode(t, &x)
	if x.Acl.Version != 6 {
		t.Fatalf("an unchanged option wrote version %d", x.Acl.Version)
	}
	w.Member.C.Put(t, path, map[string]any{}).Expect(t, http.StatusBadRequest)
	other.C.Put(t, path, map[string]any{"omitDefaultRegions": true}).Expect(t, http.StatusNotFound)

	staff := "/api/derp/rentals/" + itoa(d.Id) + "/acl/regenerate"
	var g v1.AclGenerationItem
	w.Admin.C.Post(t, staff, nil).Expect(t, http.StatusOK).Decode(t, &g)
	if g.Version != 7 || g.Trigger != "admin" || g.ActorId == nil || *g.ActorId != w.Admin.ID || g.ActorIp == "" {
		t.Fatalf("staff regenerate %+v", g)
	}
	w.Boss.C.Post(t, staff, nil).Expect(t, http.StatusOK)
	w.Agent.C.Post(t, staff, nil).Expect(t, http.StatusForbidden)
	w.Member.C.Post(t, staff, nil).Expect(t, http.StatusForbidden)
	strangerAA := login(t, testkit.SeedUser(t, "agent-admin", w.Admin.SeededUser))
	strangerAA.C.Post(t, staff, nil).Expect(t, http.StatusNotFound)

	for _, c := range []struct {
		cl   *testkit.Client
		want int
	}{{w.Admin.C, 8}, {w.Boss.C, 8}, {w.Agent.C, 8}, {strangerAA.C, 0}} {
		var l v1.AclGenerationListRes
		c.cl.Get(t, "/api/derp/acl/generations/list?pageSize=50&rentalId="+itoa(d.Id)).Expect(t, http.StatusOK).Decode(t, &l)
		if l.Total != c.want {
			t.Fatalf("generations %d, want %d", l.Total, c.want)
		}
	}
}
